using Analytics.Core.Storage;
using Analytics.DuckDb;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web;

/// <summary><c>GET /healthz</c>: 200 while the database answers, 503 otherwise.</summary>
internal static class HealthApi
{
    /// <summary>The health report.</summary>
    public sealed record Health(string Status, string Database);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("Whether the service and its database are up.")
            .WithTags("Operations");
        return app;
    }

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> CheckAsync(PulseDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = new DuckDbCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Ok(new Health("ok", database.Path));
        }
        catch (Exception error) when (error is DuckDbException or DatabaseInUseException)
        {
            return TypedResults.Json(new Health($"database unavailable: {error.Message}", database.Path), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
