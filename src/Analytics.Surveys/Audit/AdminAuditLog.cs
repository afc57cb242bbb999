using System.Data;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Surveys.Audit;

/// <summary>
/// The log of what admins did: who (their signed-in name), what, to which object, and when by the injected clock.
/// Entries are only added, never changed; survey administration writes its entry in the same transaction as
/// the change it records, so a change is never stored without its entry.
/// </summary>
public sealed class AdminAuditLog(PulseDatabase database, TimeProvider clock)
{
    /// <summary>Records an action on its own connection.</summary>
    /// <param name="actor">The signed-in name of the admin; required.</param>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="target">What it was done to.</param>
    /// <param name="detail">More about it, or null.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task RecordAsync(string actor, string action, AuditTarget target, string? detail, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        Record(connection, null, actor, action, target, detail, cancellationToken);
    }

    /// <summary>The entries, newest first, skipping <paramref name="offset"/> and returning at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(new CommandDefinition(SqlQueries.Get("audit/recent_entries"), new { limit, offset }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>How many entries the log holds.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("audit/entry_count"), cancellationToken: cancellationToken));
    }

    /// <summary>Records an action on <paramref name="connection"/>, inside <paramref name="transaction"/> when one is open.</summary>
    public void Record(IDbConnection connection, IDbTransaction? transaction, string actor, string action, AuditTarget target, string? detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        connection.Execute(new CommandDefinition(SqlQueries.Get("audit/insert_entry"), new
        {
            occurred_at = clock.GetUtcNow(), actor, action, object_kind = target.Kind, object_id = target.Id, detail,
        }, transaction, cancellationToken: cancellationToken));
    }
}
