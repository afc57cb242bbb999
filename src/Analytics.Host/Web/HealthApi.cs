using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Scheduling;
using Dapper;
using DuckDB.NET.Data;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web;

/// <summary>
/// <c>GET /healthz</c>: 200 <c>healthy</c> while the database answers, 503 <c>unhealthy</c> otherwise.
/// <c>GET /readyz</c>: 200 <c>ready</c> when the database opens, every embedded migration is applied and, when this
/// instance runs jobs (<c>Pulse:Jobs:RunJobs</c>), its Hangfire server is announced; 503 <c>not ready</c> otherwise.
/// Anyone can call them, so they say nothing else (no path, version or error); the reason for a 503 goes to the log.
/// </summary>
internal static partial class HealthApi
{
    /// <summary>The health report.</summary>
    public sealed record Health(string Status);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("Whether the service and its database are up.")
            .WithTags("Operations");
        app.MapGet("/readyz", ReadyAsync)
            .WithName("Readiness")
            .WithSummary("Whether the service can take traffic: database open, schema migrated, job server running.")
            .WithTags("Operations");
        return app;
    }

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> CheckAsync(PulseDatabase database, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = new PulseCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Ok(new Health("healthy"));
        }
        catch (Exception error) when (error is DuckDBException or DatabaseInUseException)
        {
            LogUnhealthy(loggers.CreateLogger(typeof(HealthApi)), error);
            return TypedResults.Json(new Health("unhealthy"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> ReadyAsync(PulseDatabase database, IConfiguration configuration, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(HealthApi));
        var notReady = TypedResults.Json(new Health("not ready"), statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(SqlQueries.Get("storage/applied_migration_versions"), cancellationToken: cancellationToken))).ToHashSet();
            var missing = Migration.Embedded().Where(m => !applied.Contains(m.Version)).Select(m => m.Name).ToList();
            if (missing.Count > 0)
            {
                LogMigrationsMissing(logger, string.Join(", ", missing));
                return notReady;
            }
        }
        catch (Exception error) when (error is DuckDBException or DatabaseInUseException)
        {
            LogDatabaseNotReady(logger, error);
            return notReady;
        }

        var jobs = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        if (jobs.RunJobs && !JobServerRunning(services.GetRequiredService<JobStorage>()))
        {
            LogJobServerNotRunning(logger);
            return notReady;
        }

        return TypedResults.Ok(new Health("ready"));
    }

    // Hangfire names a server "<machine>:<process id>:<guid>"; with shared PostgreSQL storage the list holds every
    // replica's servers, so only one of this process counts.
    private static bool JobServerRunning(JobStorage storage)
    {
        var prefix = $"{Environment.MachineName}:{Environment.ProcessId}:";
        return storage.GetMonitoringApi().Servers().Any(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check failed: the database did not answer")]
    private static partial void LogUnhealthy(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the database did not open")]
    private static partial void LogDatabaseNotReady(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: migrations not applied: {Migrations}")]
    private static partial void LogMigrationsMissing(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: this instance runs jobs (Pulse:Jobs:RunJobs) but its Hangfire server is not running")]
    private static partial void LogJobServerNotRunning(ILogger logger);
}
