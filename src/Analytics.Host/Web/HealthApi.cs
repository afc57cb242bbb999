using Analytics.Core.Storage;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web;

/// <summary>
/// <c>GET /healthz</c>: 200 <c>healthy</c> while the database answers, 503 <c>unhealthy</c> otherwise. Anyone can
/// call it, so it says nothing else (no path, version or error); the reason for a 503 goes to the log.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check failed: the database did not answer")]
    private static partial void LogUnhealthy(ILogger logger, Exception error);
}
