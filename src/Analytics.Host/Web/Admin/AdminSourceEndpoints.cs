using Analytics.Core.Storage;
using Analytics.Host.Web.Admin.Sources;
using Analytics.Host.Web.Components;
using Analytics.Host.Web.Security;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Scheduling;
using Analytics.Surveys.Audit;
using Dapper;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// <c>/admin/sources</c>: each API source with its schedule and recent runs, and "Run now", which queues the
/// source's sync as a Hangfire job (one run per source at a time) recorded as manual, with a link to the job. A
/// source that lacks a setting it needs (a token) says which on the list, and Run now refuses it with that reason.
/// </summary>
internal static class AdminSourceEndpoints
{
    public static IEndpointRouteBuilder MapAdminSources(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/sources").RequireAuthorization().RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        admin.MapGet("", ShowAsync);
        admin.MapPost("/{source}/run", RunAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(string? job, string? error, string? notice, HttpContext context, IAntiforgery antiforgery, PulseDatabase database, IConfiguration configuration,
        IEnumerable<ISourceConnector> connectors, TimeProvider clock, CancellationToken ct)
    {
        IReadOnlyList<IngestionRun> runs;
        using (var connection = await database.OpenAsync(ct))
        {
            runs = (await connection.QueryAsync<IngestionRun>(new CommandDefinition(SqlQueries.Get("ingestion/recent_runs"), new { limit = 50 }, cancellationToken: ct))).AsList();
        }

        var missing = connectors.ToDictionary(c => c.Name, c => c.MissingSetting, StringComparer.Ordinal);
        var sources = SourceCatalog.All.Select(s => new SourceState(s.Name, s.Pulls, configuration[$"{s.Section}:Cron"] is { Length: > 0 } cron ? cron : null,
            runs.FirstOrDefault(r => r.Source == s.Name), missing.GetValueOrDefault(s.Name))).ToList();
        return new RazorComponentResult<SourcesPage>(new
        {
            User = SignedInUser.Of(context, antiforgery), Sources = sources, Runs = runs, Now = clock.GetUtcNow(),
            Job = NullIfEmpty(job), Error = NullIfEmpty(error), Notice = NullIfEmpty(notice),
        });
    }

    private static async Task<IResult> RunAsync(string source, HttpContext context, IBackgroundJobClient jobs, PulseDatabase database, IEnumerable<ISourceConnector> connectors, AdminAuditLog audit, CancellationToken ct)
    {
        if (connectors.FirstOrDefault(c => c.Name == source && SourceCatalog.Names.Contains(c.Name)) is not { } connector)
        {
            return Back("error", $"There is no source '{source}'.");
        }

        // A sync without its credentials would only fail in the job; saying why here beats a "queued" that does nothing.
        if (connector.MissingSetting is { } missing)
        {
            return Back("error", $"{missing} The {source} sync was not started.");
        }

        long running;
        using (var connection = await database.OpenAsync(ct))
        {
            running = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("ingestion/running_run_count"), new { source }, cancellationToken: ct));
        }

        // The job never runs twice at once anyway; saying so beats queueing a second run behind the first.
        if (running > 0)
        {
            return Back("notice", $"A {source} sync is already running; it was not started again.");
        }

        var job = jobs.Enqueue<SourceSyncJob>(sync => sync.RunAsync(source, "manual", CancellationToken.None));
        await audit.RecordAsync(AdminActor.Of(context), AuditActions.SourceRunStarted, AuditTarget.Source(source), null, ct);
        return Results.Redirect($"/admin/sources?job={Uri.EscapeDataString(job)}&notice={Uri.EscapeDataString($"The {source} sync is queued as job {job}; refresh this page to see when it ends.")}");
    }

    private static IResult Back(string kind, string message) => Results.Redirect($"/admin/sources?{kind}={Uri.EscapeDataString(message)}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
