using Analytics.Core.Storage;

namespace Analytics.Host.Storage;

/// <summary>
/// Opens the database when the service starts (bringing it up to date) and holds it open until the service
/// stops, so that requests and jobs get cheap connections and no other process can write to the file meanwhile.
/// </summary>
internal sealed partial class DatabaseKeeper(PulseDatabase database, DatabaseInitializer initializer, ILogger<DatabaseKeeper> logger) : IHostedService, IDisposable
{
    private PulseConnection? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = database.Open();
        var outcome = await initializer.InitializeAsync(_connection, loadDemoData: true, cancellationToken);
        LogReady(database.Path, outcome.MigrationsApplied, outcome.Counts);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    // The host may stop and dispose the keeper on two threads at once; DuckDB.NET counts a second close of one
    // connection as a second release of the file, so exactly one caller may close it.
    public void Dispose() => Interlocked.Exchange(ref _connection, null)?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} is open ({Migrations} migrations applied now); it holds {Counts}")]
    private partial void LogReady(string path, int migrations, ActivityCounts counts);
}
