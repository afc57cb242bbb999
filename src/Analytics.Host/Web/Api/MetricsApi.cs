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
            .WithSummary("The full metric set of a quarter, or of a date range [from, to) as one period, for the organisation or one team.")
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
        api.MapCore4Api();
        api.MapGet("/teams", TeamsAsync).WithName("GetTeams").WithTags("Catalog").WithSummary("The catalog's teams.");
        api.MapGet("/services", ServicesAsync).WithName("GetServices").WithTags("Catalog")
            .WithSummary("The catalog's services, optionally one team's.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Maps one metric's series endpoint, typed by its row, and returns the metric's name in the URL.</summary>
    private static string Series<T>(RouteGroupBuilder api, string file)
    {
        var name = file.Replace('_', '-');
        // The request delegate generator cannot write an endpoint whose types depend on T: this one is built at start, as before.
        Delegate handler = (string? from, string? to, string? grain, string? team, MetricsService metrics, CancellationToken ct) => SeriesAsync<T>(file, from, to, grain, team, metrics, ct);
#pragma warning disable RDG002
        api.MapGet($"/metrics/{name}/series", handler)
#pragma warning restore RDG002
            .WithName("Get" + string.Concat(file.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Series").WithTags("Series")
            .WithSummary($"The {name} metric per period over [from, to), for the organisation and its teams or one team.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return name;
    }

    private static async Task<Results<Ok<QuarterMetricsResponse>, ProblemHttpResult>> QuarterAsync(
        string? quarter, string? from, string? to, string? team, MetricsService metrics, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (from is not null || to is not null)
        {
            return string.IsNullOrWhiteSpace(quarter)
                ? await RangeAsync(from, to, team, metrics, options, clock, ct)
                : BadRequest("Give either a quarter or a range (from and to), not both.");
        }

        if (string.IsNullOrWhiteSpace(quarter))
        {
            return BadRequest("Give the quarter, for example ?quarter=2026-Q3, or a range, for example ?from=2026-01-01&to=2026-07-01.");
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

    private static async Task<Results<Ok<QuarterMetricsResponse>, ProblemHttpResult>> RangeAsync(
        string? from, string? to, string? team, MetricsService metrics, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (PastRangeProblem(from, to, options.Value, clock, out var start, out var end) is { } problem)
        {
            return problem;
        }

        if (await UnknownTeamAsync(metrics, team, ct) is { } unknown)
        {
            return unknown;
        }

        var result = await metrics.RangeAsync(start, end, NullIfEmpty(team), ct);
        return TypedResults.Ok(new QuarterMetricsResponse(null, NullIfEmpty(team), start, end, false, result));
    }

    private static async Task<Results<Ok<IReadOnlyList<T>>, ProblemHttpResult>> SeriesAsync<T>(
        string file, string? from, string? to, string? grain, string? team, MetricsService metrics, CancellationToken ct)
    {
        if (!TryRange(from, to, out var start, out var end, out var problem))
        {
            return problem!;
        }

        PeriodGrain period;
        switch ((grain ?? "month").ToLowerInvariant())
        {
            case "week": period = PeriodGrain.Week; break;
            case "month": period = PeriodGrain.Month; break;
            case "quarter": period = PeriodGrain.Quarter; break;
            case "range": period = PeriodGrain.Range; break;
            default: return BadRequest($"'{grain}' is not a grain: use week, month, quarter or range (the whole range as one period).");
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

    /// <summary>
    /// Reads a range of complete days [from, to), as the metric set over a range takes it: null when it is one, else
    /// the problem that names what is wrong (a missing or malformed day, the days out of order, over
    /// <see cref="MaxRangeYears"/> years, or 'to' after today).
    /// </summary>
    public static ProblemHttpResult? PastRangeProblem(string? from, string? to, MetricsOptions options, TimeProvider clock, out DateOnly start, out DateOnly end)
    {
        if (!TryRange(from, to, out start, out end, out var problem))
        {
            return problem;
        }

        var today = Today(options, clock);
        return end > today
            ? BadRequest($"'to' ({end:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}): the range is [from, to), so 'to' can be today at the latest.")
            : null;
    }

    /// <summary>Reads [from, to): two days, in order, at most <see cref="MaxRangeYears"/> apart.</summary>
    private static bool TryRange(string? from, string? to, out DateOnly start, out DateOnly end, out ProblemHttpResult? problem)
    {
        end = default;
        if (!TryDay(from, "from", out start, out problem) || !TryDay(to, "to", out end, out problem))
        {
            return false;
        }

        if (end <= start)
        {
            problem = BadRequest($"'to' ({end:yyyy-MM-dd}) must be after 'from' ({start:yyyy-MM-dd}); the range is [from, to).");
        }
        else if (end > start.AddYears(MaxRangeYears))
        {
            problem = BadRequest($"The range is longer than {MaxRangeYears} years; ask for at most {MaxRangeYears} years at a time.");
        }

        return problem is null;
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
