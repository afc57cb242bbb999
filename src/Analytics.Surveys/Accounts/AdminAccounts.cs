using System.Text.RegularExpressions;
using Analytics.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Surveys.Accounts;

/// <summary>The platform PMs who may use <c>/admin</c>; passwords are kept only as the framework's PBKDF2 hashes.</summary>
public sealed partial class AdminAccounts(PulseDatabase database, TimeProvider clock)
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<string> Hasher = new();

    // Verifying against this when the user does not exist keeps the time taken the same, so timing does not
    // reveal which usernames exist.
    private static readonly string DecoyHash = Hasher.HashPassword("", "decoy-password-for-unknown-users");

    /// <summary>Creates the admin, or sets a new password for an existing one.</summary>
    public async Task SetPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        if (!UsernamePattern().IsMatch(username))
        {
            throw new ArgumentException($"'{username}' is not a valid username: use 2–40 lower-case letters, digits, '.', '_' or '-'.");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"The password is {password.Length} characters long; use at least {MinPasswordLength}.");
        }

        using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("surveys/save_admin_user"),
            new { username, password_hash = Hasher.HashPassword(username, password), created_at = clock.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Whether the username and password belong to an admin.</summary>
    public async Task<bool> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        var hash = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SqlQueries.Get("surveys/admin_user"), new { username }, cancellationToken: cancellationToken));
        var result = Hasher.VerifyHashedPassword(username, hash ?? DecoyHash, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    /// <summary>How many admins exist.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("surveys/admin_user_count"), cancellationToken: cancellationToken));
    }

    [GeneratedRegex("^[a-z0-9._-]{2,40}$")]
    private static partial Regex UsernamePattern();
}
