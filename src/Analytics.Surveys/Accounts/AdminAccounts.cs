using System.Text.RegularExpressions;
using Analytics.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Surveys.Accounts;

/// <summary>
/// The platform PMs who may use <c>/admin</c>; passwords are kept only as the framework's PBKDF2 hashes. Each
/// account has a role and a session stamp: a new stamp (on sign-out or a new password) ends its sessions.
/// </summary>
public sealed partial class AdminAccounts(PulseDatabase database, TimeProvider clock)
{
    /// <summary>Longest username accepted.</summary>
    public const int MaxUsernameLength = 40;

    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>The roles an account can have: "admin" may change things, "viewer" may only look.</summary>
    public static readonly IReadOnlyList<string> Roles = ["admin", "viewer"];

    private static readonly PasswordHasher<string> Hasher = new();

    // Verifying against this when the user does not exist keeps the time taken the same, so timing does not
    // reveal which usernames exist.
    private static readonly string DecoyHash = Hasher.HashPassword("", "decoy-password-for-unknown-users");

    private sealed record StoredAccount(string Username, string PasswordHash, string Role, string SessionStamp);

    /// <summary>Creates an admin, or sets a new password for an existing account (keeping its role), ending its sessions.</summary>
    public Task SetPasswordAsync(string username, string password, CancellationToken cancellationToken) =>
        SetPasswordAsync(username, password, null, cancellationToken);

    /// <summary>
    /// Creates the account, or sets a new password for an existing one, ending its sessions. A new account gets
    /// <paramref name="role"/> or "admin"; an existing one keeps its role unless <paramref name="role"/> is given.
    /// </summary>
    public async Task SetPasswordAsync(string username, string password, string? role, CancellationToken cancellationToken)
    {
        if (!UsernamePattern().IsMatch(username))
        {
            throw new ArgumentException($"'{username}' is not a valid username: use 2–40 lower-case letters, digits, '.', '_' or '-'.");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"The password is {password.Length} characters long; use at least {MinPasswordLength}.");
        }

        if (role is not null && !Roles.Contains(role))
        {
            throw new ArgumentException($"'{role}' is not a role: use {string.Join(" or ", Roles)}.");
        }

        using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("surveys/save_admin_user"), new
        {
            username,
            password_hash = Hasher.HashPassword(username, password),
            created_at = clock.GetUtcNow(),
            role = role ?? Roles[0],
            role_given = role is not null,
            session_stamp = NewStamp(),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>The account when the username and password belong to one, otherwise null.</summary>
    public async Task<AdminAccount?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<StoredAccount>(new CommandDefinition(SqlQueries.Get("surveys/admin_user"), new { username }, cancellationToken: cancellationToken));
        var result = Hasher.VerifyHashedPassword(username, stored?.PasswordHash ?? DecoyHash, password);
        return stored is not null && result != PasswordVerificationResult.Failed ? new AdminAccount(stored.Username, stored.Role, stored.SessionStamp) : null;
    }

    /// <summary>The account's current session stamp; null when the account does not exist.</summary>
    public async Task<string?> SessionStampAsync(string username, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SqlQueries.Get("surveys/admin_session_stamp"), new { username }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives the account a new session stamp, so that every cookie issued to it so far stops working.</summary>
    public async Task EndSessionsAsync(string username, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("surveys/renew_admin_session_stamp"), new { username, session_stamp = NewStamp() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Ends a session that has no account here (single sign-on) by its id; ids ended longer ago than
    /// <paramref name="sessionLifetime"/>, whose cookies have expired, are forgotten.
    /// </summary>
    public async Task EndSessionAsync(string sessionId, TimeSpan sessionLifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("surveys/forget_ended_admin_sessions"), new { before = now - sessionLifetime }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("surveys/end_admin_session"), new { session_id = sessionId, ended_at = now }, cancellationToken: cancellationToken));
    }

    /// <summary>Whether the session with this id was ended by <see cref="EndSessionAsync"/>.</summary>
    public async Task<bool> SessionEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlQueries.Get("surveys/admin_session_ended"), new { session_id = sessionId }, cancellationToken: cancellationToken));
    }

    /// <summary>How many admins exist.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("surveys/admin_user_count"), cancellationToken: cancellationToken));
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[a-z0-9._-]{2,40}$")]
    private static partial Regex UsernamePattern();
}
