using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Metrics.Support;
using Analytics.Core.Storage;
using Analytics.Host.ApiKeys;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Api;

/// <summary>
/// The read-only JSON API for machine clients (a key in <c>Authorization: Bearer</c>): a quarter's full metric set,
/// one metric's series over a range, and the catalog's teams and services. Every figure comes from the same
/// <see cref="MetricsService"/> queries as the CLI, the report and the pages, so it is suppressed the same way.
/// </summary>
internal static class MetricsApi
{
    /// <summary>Longest range a series covers.</summary>
    public const int MaxRangeYears = 5;

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiKeyDefaults.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/metrics", QuarterAsync).WithName("GetQuarterMetrics").WithTags("Metrics")
            .WithSummary("The full metric set of a quarter, for the organisation or one team.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        string[] names =
        [
            Series<DeploymentFrequency>(api, "deployment_frequency"),
            Series<LeadTime>(api, "lead_time"),
            Series<LeadTimeStages>(api, "lead_time_stages"),
            Series<ChangeFailureRate>(api, "change_failure_rate"),
            Series<RecoveryTime>(api, "recovery_time"),
            Series<ReworkRate>(api, "rework_rate"),
            Series<NpsResult>(api, "nps"),
            Series<DevExScore>(api, "devex_scores"),
            Series<ResponseRate>(api, "response_rate"),
            Series<PlatformAdoption>(api, "adoption"),
            Series<CapabilityAdoption>(api, "capability_adoption"),
            Series<WeeklyActivity>(api, "weekly_active"),
            Series<Retention>(api, "retention"),
            Series<ParticipatoryAdoption>(api, "participatory_adoption"),
            Series<TimeToFirstDeploy>(api, "time_to_first_deploy"),
            Series<SupportLoad>(api, "support_load"),
            Series<SupportCategory>(api, "support_categories"),
        ];
        api.MapGet("/metrics/{metric}/series", (string metric) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Unknown metric", detail: $"There is no metric '{metric}'. Metrics: {string.Join(", ", names)}."))
            .ExcludeFromDescription();
        api.MapGet("/teams", TeamsAsync).WithName("GetTeams").WithTags("Catalog").WithSummary("The catalog's teams.");
        api.MapGet("/services", ServicesAsync).WithName("GetServices").WithTags("Catalog")
            .WithSummary("The catalog's services, optionally one team's.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Maps one metric's series endpoint, typed by its row, and returns the metric's name in the URL.</summary>
    private static string Series<T>(RouteGroupBuilder api, string file)
    {
        var name = file.Replace('_', '-');
        api.MapGet($"/metrics/{name}/series", (string? from, string? to, string? grain, string? team, MetricsService metrics, CancellationToken ct) =>
                SeriesAsync<T>(file, from, to, grain, team, metrics, ct))
            .WithName("Get" + string.Concat(file.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Series").WithTags("Series")
            .WithSummary($"The {name} metric per period over [from, to), for the organisation and its teams or one team.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return name;
    }

    private static async Task<Results<Ok<QuarterMetricsResponse>, ProblemHttpResult>> QuarterAsync(
        string? quarter, string? team, MetricsService metrics, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(quarter))
        {
            return BadRequest("Give the quarter, for example ?quarter=2026-Q3.");
        }

        Quarter which;
        try
        {
            which = Quarter.Parse(quarter);
        }
        catch (FormatException error)
        {
            return BadRequest(error.Message);
        }

        var today = Today(options.Value, clock);
        if (today <= which.Start)
        {
            return BadRequest($"{which} has no complete day yet (today is {today:yyyy-MM-dd}).");
        }

        if (await UnknownTeamAsync(metrics, team, ct) is { } unknown)
        {
            return unknown;
        }

        var until = today < which.End ? today : which.End;
        var result = await metrics.QuarterAsync(which, NullIfEmpty(team), until, ct);
        return TypedResults.Ok(new QuarterMetricsResponse(which.ToString(), NullIfEmpty(team), which.Start, until, until < which.End, result));
    }

    private static async Task<Results<Ok<IReadOnlyList<T>>, ProblemHttpResult>> SeriesAsync<T>(
        string file, string? from, string? to, string? grain, string? team, MetricsService metrics, CancellationToken ct)
    {
        if (!TryDay(from, "from", out var start, out var problem) || !TryDay(to, "to", out var end, out problem))
        {
            return problem!;
        }

        if (end <= start)
        {
            return BadRequest($"'to' ({end:yyyy-MM-dd}) must be after 'from' ({start:yyyy-MM-dd}); the range is [from, to).");
        }

        if (end > start.AddYears(MaxRangeYears))
        {
            return BadRequest($"The range is longer than {MaxRangeYears} years; ask for at most {MaxRangeYears} years at a time.");
        }

        PeriodGrain period;
        switch ((grain ?? "month").ToLowerInvariant())
        {
            case "week": period = PeriodGrain.Week; break;
            case "month": period = PeriodGrain.Month; break;
            case "quarter": period = PeriodGrain.Quarter; break;
            default: return BadRequest($"'{grain}' is not a grain: use week, month or quarter.");
        }

        if (await UnknownTeamAsync(metrics, team, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok(await metrics.QueryAsync<T>(file, new MetricsQuery(start, end, period, NullIfEmpty(team)), ct));
    }

    private static async Task<Ok<List<TeamSummary>>> TeamsAsync(PulseDatabase database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return TypedResults.Ok((await connection.QueryAsync<TeamSummary>(new CommandDefinition(SqlQueries.Get("catalog/teams"), cancellationToken: ct))).ToList());
    }

    private static async Task<Results<Ok<List<ServiceSummary>>, ProblemHttpResult>> ServicesAsync(string? team, PulseDatabase database, MetricsService metrics, CancellationToken ct)
    {
        if (await UnknownTeamAsync(metrics, team, ct) is { } unknown)
        {
            return unknown;
        }

        await using var connection = await database.OpenAsync(ct);
        return TypedResults.Ok((await connection.QueryAsync<ServiceSummary>(new CommandDefinition(SqlQueries.Get("catalog/services"), new { team = NullIfEmpty(team) }, cancellationToken: ct))).ToList());
    }

    private static async Task<ProblemHttpResult?> UnknownTeamAsync(MetricsService metrics, string? team, CancellationToken ct)
    {
        if (NullIfEmpty(team) is not { } id)
        {
            return null;
        }

        try
        {
            await metrics.EnsureTeamExistsAsync(id, ct);
            return null;
        }
        catch (ArgumentException error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown team", detail: error.Message);
        }
    }

    private static bool TryDay(string? text, string name, out DateOnly day, out ProblemHttpResult? problem)
    {
        problem = null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        problem = BadRequest(string.IsNullOrEmpty(text) ? $"Give '{name}' as a day, for example {name}=2026-01-01." : $"'{text}' is not a day: write '{name}' like 2026-01-01.");
        return false;
    }

    private static DateOnly Today(MetricsOptions options, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).DateTime);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);
}
