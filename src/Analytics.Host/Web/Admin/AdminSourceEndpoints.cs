using System.Globalization;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Antiforgery;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Audit;
using Hangfire;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// <c>/admin/sources</c>: each API source with its schedule and recent runs, and "Run now", which queues the
/// source's sync as a Hangfire job (one run per source at a time) recorded as manual, with a link to the job.
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

    private static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, PulseDatabase database, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        IReadOnlyList<IngestionRun> runs;
        using (var connection = await database.OpenAsync(ct))
        {
            runs = (await connection.QueryAsync<IngestionRun>(new CommandDefinition(SqlQueries.Get("ingestion/recent_runs"), new { limit = 50 }, cancellationToken: ct))).AsList();
        }

        var page = new AdminPage(context, antiforgery);
        var html = new StringBuilder("<h1>Sources</h1>\n<p>Each source syncs on its schedule (<code>Pulse:Sources:&lt;Source&gt;:Cron</code>, UTC); Run now queues a sync, unless one is already running. Queued, retried and failed jobs are in <a href=\"/admin/jobs\">Jobs</a>.</p>\n")
            .Append("<table>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Pulls</th><th scope=\"col\">Schedule</th><th scope=\"col\">Last run</th><th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead>\n<tbody>\n");
        foreach (var (name, section, pulls) in SourceCatalog.All)
        {
            var last = runs.FirstOrDefault(r => r.Source == name);
            html.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Encode(pulls)).Append("</td><td>")
                .Append(Encode(configuration[$"{section}:Cron"] is { Length: > 0 } cron ? cron : "not scheduled")).Append("</td><td>")
                .Append(last is null ? "never" : Encode($"{last.Status}, {last.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")).Append("</td><td>")
                .Append(page.Button($"/admin/sources/{Uri.EscapeDataString(name)}/run", "Run now", "secondary", "")).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (context.Request.Query["job"].ToString() is { Length: > 0 } job)
        {
            html.Append("<p><a href=\"").Append(AdminJobsDashboard.Path).Append("/jobs/details/").Append(Uri.EscapeDataString(job)).Append("\">Job ").Append(Encode(job)).Append(" in the job dashboard</a></p>\n");
        }

        html.Append("<h2>Recent runs</h2>\n");
        AppendRuns(html, runs);
        if (runs.Any(r => r.Status == "running"))
        {
            // No self-refresh (WCAG 2.2.1): the reader reloads when they choose.
            html.Insert(html.ToString().IndexOf("<h2>Recent runs</h2>", StringComparison.Ordinal),
                $"<p role=\"status\">A sync is running (as of {clock.GetUtcNow().UtcDateTime:HH:mm:ss} UTC). <a href=\"/admin/sources\">Refresh</a> to see when it ends.</p>\n");
        }

        return page.Render("Sources", html.ToString(), error: context.Request.Query["error"], notice: context.Request.Query["notice"]);
    }

    private static async Task<IResult> RunAsync(string source, HttpContext context, IBackgroundJobClient jobs, PulseDatabase database, AdminAuditLog audit, CancellationToken ct)
    {
        if (!SourceCatalog.Names.Contains(source))
        {
            return Results.Redirect($"/admin/sources?error={Uri.EscapeDataString($"There is no source '{source}'.")}");
        }

        long running;
        using (var connection = await database.OpenAsync(ct))
        {
            running = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("ingestion/running_run_count"), new { source }, cancellationToken: ct));
        }

        // The job never runs twice at once anyway; saying so beats queueing a second run behind the first.
        if (running > 0)
        {
            return Results.Redirect($"/admin/sources?notice={Uri.EscapeDataString($"A {source} sync is already running; it was not started again.")}");
        }

        var job = jobs.Enqueue<SourceSyncJob>(sync => sync.RunAsync(source, "manual", CancellationToken.None));
        await audit.RecordAsync(AdminActor.Of(context), AuditActions.SourceRunStarted, AuditTarget.Source(source), null, ct);
        return Results.Redirect($"/admin/sources?job={Uri.EscapeDataString(job)}&notice={Uri.EscapeDataString($"The {source} sync is queued as job {job}; refresh this page to see when it ends.")}");
    }

    private static void AppendRuns(StringBuilder html, IReadOnlyList<IngestionRun> runs)
    {
        if (runs.Count == 0)
        {
            html.Append("<p>No ingestion has run yet.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th scope=\"col\">Started (UTC)</th><th scope=\"col\">Source</th><th scope=\"col\">Trigger</th><th scope=\"col\">Status</th>")
            .Append("<th scope=\"col\" class=\"number\">Inserted</th><th scope=\"col\" class=\"number\">Updated</th><th scope=\"col\" class=\"number\">Rejected</th><th scope=\"col\">Error</th></tr></thead>\n<tbody>\n");
        foreach (var run in runs)
        {
            html.Append("<tr><td>").Append(run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td><td>").Append(Encode(run.Source))
                .Append("</td><td>").Append(Encode(run.Trigger)).Append("</td><td>").Append(Encode(run.Status)).Append("</td><td class=\"number\">")
                .Append(run.RowsInserted.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"number\">").Append(run.RowsUpdated.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"number\">").Append(run.RowsRejected.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>").Append(Encode(run.Error)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
