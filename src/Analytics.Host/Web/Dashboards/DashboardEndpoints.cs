using System.Text;
using Analytics.Core.Csv;
using Analytics.Host.Web.Components;
using Analytics.Host.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// <c>/admin/dashboards</c>: the overview, delivery by team or service (and as CSV), a team's monthly trend, the
/// records behind a team's figures (deployments, changes, failures, recoveries, rework), sentiment (NPS, response rates, DevEx; each as CSV),
/// adoption and onboarding (each table as CSV), and data health (runs and refused records, those as CSV). Filters live
/// in the query string; a malformed or future quarter or a page out of range is a 400 page, an unknown team a 404.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboards(this IEndpointRouteBuilder app)
    {
        var dashboards = app.MapGroup("/admin/dashboards").RequireAuthorization().RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        dashboards.MapGet("", (string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, DashboardTrends trends, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<Overview>(new { Model = await data.OverviewAsync(filter, ct), Trends = await trends.TrendsAsync(filter, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/moved-most.csv", (string? quarter, HttpContext context, IAntiforgery antiforgery, DashboardData data, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, null, async filter => TrendCsv.Movers(await data.OverviewAsync(filter, ct)), ct));
        dashboards.MapGet("/delivery", (string? quarter, string? team, string? sort, string? dir, HttpContext context, IAntiforgery antiforgery, DashboardData data, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<Delivery>(new { Model = await data.DeliveryAsync(filter, sort, dir == "desc", ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/delivery.csv", (string? quarter, string? team, string? sort, string? dir, HttpContext context, IAntiforgery antiforgery, DashboardData data, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => DeliveryCsv(await data.DeliveryAsync(filter, sort, dir == "desc", ct)), ct));
        dashboards.MapGet("/teams/{team}", (string team, string? quarter, HttpContext context, IAntiforgery antiforgery, DashboardData data, DashboardTrends trends, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<TeamPage>(new
            {
                Model = await data.TeamAsync(filter, ct),
                Figures = (await data.DeliveryAsync(filter with { Team = null }, null, false, ct)).Rows.FirstOrDefault(r => r.Id == filter.Team),
                Trends = await trends.TrendsAsync(filter, ct),
                User = SignedInUser.Of(context, antiforgery),
            }), ct));
        dashboards.MapGet("/teams/{team}/months.csv", (string team, string? quarter, HttpContext context, IAntiforgery antiforgery, DashboardData data, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => TrendCsv.Months(await data.TeamAsync(filter, ct)), ct));
        dashboards.MapGet("/teams/{team}/deployments", (string team, string? quarter, string? page, HttpContext context, IAntiforgery antiforgery, DashboardData data, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<TeamDeployments>(new { Model = await data.DeploymentsAsync(filter, page, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/teams/{team}/changes", (string team, string? quarter, string? page, HttpContext context, IAntiforgery antiforgery, DashboardData data, DrillDownData drill, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<TeamChanges>(new { Model = await drill.ChangesAsync(filter, page, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/teams/{team}/failures", (string team, string? quarter, string? page, HttpContext context, IAntiforgery antiforgery, DashboardData data, DrillDownData drill, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<TeamFailures>(new { Model = await drill.FailuresAsync(filter, page, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/teams/{team}/recoveries", (string team, string? quarter, string? page, HttpContext context, IAntiforgery antiforgery, DashboardData data, DrillDownData drill, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<TeamRecoveries>(new { Model = await drill.RecoveriesAsync(filter, page, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/teams/{team}/rework", (string team, string? quarter, string? page, HttpContext context, IAntiforgery antiforgery, DashboardData data, DrillDownData drill, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<TeamRework>(new { Model = await drill.ReworkAsync(filter, page, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/sentiment", (string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, FrictionThemes themes, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<Sentiment>(new { Model = await data.SentimentAsync(filter, ct), Themes = await themes.ThemesAsync(filter, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/sentiment-{table}.csv", (string table, string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => SentimentCsv(await data.SentimentAsync(filter, ct), table), ct));
        dashboards.MapGet("/adoption", (string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, AdoptionData adoption, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<Adoption>(new { Model = await adoption.PageAsync(filter, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/adoption-{table}.csv", (string table, string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, AdoptionData adoption, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => AdoptionCsv.File(await adoption.PageAsync(filter, ct), table), ct));
        dashboards.MapGet("/core4", (string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, Analytics.Core.Metrics.MetricsService metrics, Analytics.Surveys.SurveyStore store, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<Core4Page>(new { Model = await metrics.Core4Async(filter.Quarter, filter.Team, filter.Until, ct), Filter = filter, Teams = await store.TeamsAsync(ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/ai", (string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, DashboardData data, AiAssistedData ai, TimeProvider clock, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<AiAssisted>(new { Model = await ai.PageAsync(filter, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/data-health", (string? quarter, string? team, string? page, HttpContext context, IAntiforgery antiforgery, DashboardData data, DataHealthData health, CancellationToken ct) =>
            PageAsync(context, antiforgery, data, quarter, team, async filter => Page<DataHealth>(new { Model = await health.PageAsync(filter, page, ct), User = SignedInUser.Of(context, antiforgery) }), ct));
        dashboards.MapGet("/dead-letters.csv", async (DataHealthData health, CancellationToken ct) => DeadLettersCsv(await health.AllDeadLettersAsync(ct)));
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, IAntiforgery antiforgery, DashboardData data, string? quarter, string? team, Func<DashboardFilter, Task<IResult>> render, CancellationToken ct)
    {
        try
        {
            // The range and the service ride on every page's query string; read here rather than bound by each endpoint.
            var query = context.Request.Query;
            return await render(await data.FilterAsync(quarter, query["from"], query["to"], team, ct, query["service"]));
        }
        catch (FormatException error)
        {
            return Problem(context, antiforgery, StatusCodes.Status400BadRequest, "That page cannot be shown", error.Message);
        }
        catch (ArgumentException error)
        {
            return Problem(context, antiforgery, StatusCodes.Status404NotFound, error is UnknownServiceException ? "No such service" : "No such team", error.Message);
        }
    }

    private static RazorComponentResult<T> Page<T>(object parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<T>(parameters);

    private static RazorComponentResult<ProblemPage> Problem(HttpContext context, IAntiforgery antiforgery, int status, string title, string message) =>
        new RazorComponentResult<ProblemPage>(new { Title = title, Message = message, User = SignedInUser.Of(context, antiforgery), BackHref = "/admin/dashboards", BackLabel = "Back to the overview" })
        {
            StatusCode = status,
        };

    private static IResult DeliveryCsv(DeliveryModel model)
    {
        var csv = new StringBuilder();
        csv.Append(model.Filter.Team is null ? "team" : "service").Append(",deployments,deployments_per_day,median_lead_time_hours,change_failure_rate,median_recovery_hours,rework_rate,dora_level\n");
        static CsvCell Number(double? value) => value is { } v && !double.IsNaN(v) ? CsvCell.Number(v) : CsvCell.Empty;
        foreach (var row in model.Rows)
        {
            csv.Append(CsvCell.Line([CsvCell.Text(row.Id), CsvCell.Number(row.Deployments), Number(row.DeploysPerDay), Number(row.LeadTimeHours),
                Number(row.ChangeFailureRate), Number(row.RecoveryHours), Number(row.ReworkRate), CsvCell.Text(row.Level)])).Append('\n');
        }

        var name = $"delivery-{model.Filter.FileLabel}{(model.Filter.Team is null ? "" : "-" + model.Filter.Team)}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    // A suppressed group's figures are empty cells, as in every export: the row says it was hidden, nothing more.
    private static IResult SentimentCsv(SentimentModel model, string table)
    {
        static CsvCell Number(double? value) => value is { } v && !double.IsNaN(v) ? CsvCell.Number(v) : CsvCell.Empty;
        static CsvCell Count(long? value) => value is { } v ? CsvCell.Number(v) : CsvCell.Empty;
        static CsvCell Flag(bool value) => CsvCell.Text(value ? "true" : "false");
        var csv = new StringBuilder();
        switch (table)
        {
            case "nps":
                csv.Append("wave,level,team,suppressed,respondents,nps,margin_of_error,change,change_z\n");
                foreach (var n in model.Nps)
                {
                    var hidden = n.Suppressed;
                    csv.Append(CsvCell.Line([CsvCell.Text(n.WaveName), CsvCell.Text(n.Level), CsvCell.Text(n.TeamId), Flag(hidden), hidden ? CsvCell.Empty : Count(n.Respondents),
                        hidden ? CsvCell.Empty : Number(n.Nps), hidden ? CsvCell.Empty : Number(n.MarginOfError), hidden ? CsvCell.Empty : Number(n.Change), hidden ? CsvCell.Empty : Number(n.ChangeZ)])).Append('\n');
                }

                break;
            case "response-rates":
                csv.Append("wave,level,team,suppressed,invited,responses,rate_percent\n");
                foreach (var r in model.ResponseRates)
                {
                    var hidden = r.Suppressed;
                    csv.Append(CsvCell.Line([CsvCell.Text(r.WaveName), CsvCell.Text(r.Level), CsvCell.Text(r.TeamId), Flag(hidden), hidden ? CsvCell.Empty : CsvCell.Number(r.Invited),
                        hidden ? CsvCell.Empty : Count(r.Responses), hidden ? CsvCell.Empty : Number(r.RatePercent)])).Append('\n');
                }

                break;
            case "devex":
                csv.Append("wave,level,team,dimension,item,suppressed,respondents,mean,favourable_percent\n");
                foreach (var d in model.DevExScores)
                {
                    var hidden = d.Suppressed;
                    csv.Append(CsvCell.Line([CsvCell.Text(d.WaveName), CsvCell.Text(d.Level), CsvCell.Text(d.TeamId), CsvCell.Text(d.Dimension), CsvCell.Text(d.Item), Flag(hidden),
                        hidden ? CsvCell.Empty : Count(d.Respondents), hidden ? CsvCell.Empty : Number(d.Mean), hidden ? CsvCell.Empty : Number(d.FavourablePercent)])).Append('\n');
                }

                break;
            default:
                return Results.NotFound();
        }

        var name = $"sentiment-{table}-{model.Filter.FileLabel}{(model.Filter.Team is null ? "" : "-" + model.Filter.Team)}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    private static IResult DeadLettersCsv(IReadOnlyList<DeadLetterRow> letters)
    {
        var csv = new StringBuilder("received_at,source,entity,location,reason,payload\n");
        foreach (var letter in letters)
        {
            csv.Append(CsvCell.Line([CsvCell.Timestamp(letter.ReceivedAt), CsvCell.Text(letter.Source), CsvCell.Text(letter.Entity),
                CsvCell.Text(letter.Location), CsvCell.Text(letter.Reason), CsvCell.Text(letter.Payload)])).Append('\n');
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "dead-letters.csv");
    }
}
