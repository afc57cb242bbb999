using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.DemoData;
using Analytics.Ingestion.Import;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Storage;

/// <summary>Brings a database up to date: applies migrations, then loads the demo data when it is empty.</summary>
internal sealed partial class DatabaseInitializer(
    MigrationRunner migrations,
    DemoDataLoader demoData,
    IOptions<DemoDataOptions> demoOptions,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>What initialisation did.</summary>
    public sealed record Outcome(int MigrationsApplied, bool DemoDataLoaded, ActivityCounts Counts);

    public async Task<Outcome> InitializeAsync(PulseConnection connection, bool loadDemoData, CancellationToken cancellationToken)
    {
        var applied = await migrations.ApplyAsync(connection, cancellationToken);
        await InterruptedRuns.CloseAsync(connection, clock, cancellationToken);
        var counts = await DatabaseStatistics.CountAsync(connection, cancellationToken);
        if (!counts.IsEmpty || !loadDemoData || !demoOptions.Value.LoadWhenEmpty)
        {
            return new Outcome(applied, false, counts);
        }

        LogLoadingDemo(demoOptions.Value.Path);
        counts = await demoData.LoadAsync(connection, demoOptions.Value.Path, cancellationToken);
        return new Outcome(applied, true, counts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is empty: loading the demo organisation from {Folder}")]
    private partial void LogLoadingDemo(string folder);
}
