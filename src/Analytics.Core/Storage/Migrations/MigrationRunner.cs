using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Storage.Migrations;

/// <summary>
/// Applies numbered migrations in order, each in its own transaction together with its row in
/// <c>schema_migrations</c>, so a failed migration leaves no trace and applying twice is a no-op. The time each
/// is recorded as applied comes from <paramref name="clock"/>. After the embedded migrations it records the delivery
/// settings (<see cref="DeliverySettings"/>), re-deriving stored rows when they changed.
/// </summary>
public sealed partial class MigrationRunner(ILogger<MigrationRunner> logger, TimeProvider clock, IOptions<MetricsOptions>? metrics = null)
{
    private sealed record AppliedMigration(int Version, string Name, string Checksum);

    /// <summary>Applies the migrations embedded from <c>queries/schema/</c>; returns how many ran.</summary>
    public async Task<int> ApplyAsync(PulseConnection connection, CancellationToken cancellationToken)
    {
        var ran = await MigrateAsync(connection, Migration.Embedded(), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var options = metrics?.Value ?? new MetricsOptions();

        // The report year names rows of the DORA tables, so it can only be checked once they exist.
        await DoraReportYears.EnsureKnownAsync(connection, options.DoraReportYear, cancellationToken);
        var rederived = DeliverySettings.Apply(connection, options);
        if (rederived)
        {
            LogRederived();
        }

        if (ran > 0 || rederived)
        {
            await CheckpointAsync(connection, cancellationToken);
        }

        return ran;
    }

    /// <summary>Applies the given migrations that have not run yet; returns how many ran.</summary>
    public async Task<int> ApplyAsync(PulseConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var ran = await MigrateAsync(connection, migrations, cancellationToken);
        if (ran > 0)
        {
            await CheckpointAsync(connection, cancellationToken);
        }

        return ran;
    }

    // DuckDB cannot replay a WAL that holds CREATE MACRO, so a crash right after migrating would leave a file that
    // does not open: migrations end with a checkpoint.
    private static Task<int> CheckpointAsync(PulseConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("storage/checkpoint"), cancellationToken: cancellationToken));

    private async Task<int> MigrateAsync(PulseConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("storage/create_migrations_table"), cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(SqlQueries.Get("storage/applied_migrations"), cancellationToken: cancellationToken)))
            .ToDictionary(m => m.Version);

        var ran = 0;
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (applied.TryGetValue(migration.Version, out var done))
            {
                if (done.Checksum != migration.Checksum)
                {
                    throw new MigrationFailedException($"Migration {migration.Name} was changed after it was applied; add a new migration instead of editing it.");
                }

                continue;
            }

            Apply(connection, migration, cancellationToken);
            ran++;
        }

        return ran;
    }

    private void Apply(PulseConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            connection.Execute(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            connection.Execute(new CommandDefinition(
                SqlQueries.Get("storage/record_migration"),
                new { version = migration.Version, name = migration.Name, checksum = migration.Checksum, applied_at = clock.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken));
            transaction.Commit();
            LogApplied(migration.Name);
        }
        catch (DuckDBException error)
        {
            throw new MigrationFailedException($"Migration {migration.Name} failed and was rolled back, so the schema is unchanged: {error.Message}", error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery settings changed: environments, releases and change links re-derived")]
    private partial void LogRederived();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private partial void LogApplied(string migration);
}
