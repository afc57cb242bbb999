using System.Security.Cryptography;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Surveys.Audit;
using Dapper;

namespace Analytics.Host.ApiKeys;

/// <summary>
/// Creates, lists, revokes and checks the API keys of machine clients. A key reads as <c>pulse_</c> followed by 32
/// random bytes; only its SHA-256 is stored, so a copy of the database gives no working key. Creating and revoking
/// are recorded in the admin audit log in the same transaction.
/// </summary>
public sealed class ApiKeyStore(PulseDatabase database, AdminAuditLog audit, TimeProvider clock)
{
    /// <summary>What every key starts with, so a leaked one is recognisable (for example by secret scanners).</summary>
    public const string Prefix = "pulse_";

    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Creates a key for <paramref name="name"/> (what the client is, e.g. "Grafana"), made by <paramref name="actor"/>.</summary>
    public async Task<CreatedApiKey> CreateAsync(string name, string actor, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ArgumentException($"An API key needs a name of 1–{MaxNameLength} characters without line breaks, saying which client uses it.");
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("apikeys/insert_api_key"),
            new { key_id = keyId, name, key_hash = Hash(secret), created_at = clock.GetUtcNow(), created_by = actor }, transaction, cancellationToken: cancellationToken));
        audit.Record(connection, transaction, actor, AuditActions.ApiKeyCreated, AuditTarget.ApiKey(keyId), name, cancellationToken);
        transaction.Commit();
        return new CreatedApiKey(keyId, name, secret);
    }

    /// <summary>One key by id, or null.</summary>
    public async Task<ApiKey?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(k => k.KeyId == keyId);

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ApiKey>(new CommandDefinition(SqlQueries.Get("apikeys/api_keys"), cancellationToken: cancellationToken))];
    }

    /// <summary>Revokes a key: calls with it are refused from now on. Throws naming the key when it does not exist or was already revoked.</summary>
    public async Task RevokeAsync(string keyId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var changed = await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("apikeys/revoke_api_key"),
            new { key_id = keyId, revoked_at = clock.GetUtcNow(), revoked_by = actor }, transaction, cancellationToken: cancellationToken));
        if (changed == 1)
        {
            audit.Record(connection, transaction, actor, AuditActions.ApiKeyRevoked, AuditTarget.ApiKey(keyId), null, cancellationToken);
            transaction.Commit();
        }
        else
        {
            transaction.Rollback();
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlQueries.Get("apikeys/api_key_exists"), new { key_id = keyId }, cancellationToken: cancellationToken));
            throw new ArgumentException(exists ? $"API key '{keyId}' was already revoked." : $"There is no API key '{keyId}'; 'analytics api-keys list' shows them.");
        }
    }

    /// <summary>The active key a presented secret belongs to, or null.</summary>
    public async Task<ApiKey?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKey>(new CommandDefinition(SqlQueries.Get("apikeys/active_api_key"),
            new { key_hash = Hash(secret) }, cancellationToken: cancellationToken));
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
