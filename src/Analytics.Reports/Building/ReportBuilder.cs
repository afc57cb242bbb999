using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.DoraProfiles;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Storage;
using Analytics.Reports.Charts;
using Analytics.Reports.Definitions;
using Analytics.Reports.Forecasting;
using Analytics.Reports.Themes;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Building;

/// <summary>
/// Gathers a quarter's report from the metrics service: headline figures against last quarter, monthly delivery
/// trends with forecasts, per-team DORA levels, sentiment with its margin of error, DevEx and journey heatmaps,
/// friction themes, adoption, support and onboarding — and three findings written from the data.
/// </summary>
public sealed partial class ReportBuilder(PulseDatabase database, MetricsService metrics, MonthlySeriesCache seriesCache, QuarterlyMetricsCache metricsCache, FigureCache figureCache, IOptions<MetricsOptions> metricsOptions, IOptions<ReportOptions> options, TimeProvider clock)
{
    /// <summary>The fewest values a median needs to be a headline without a caution.</summary>
    public const int FewestForHeadline = 5;

    private static readonly string[] DevExDimensions = ["feedback_loops", "cognitive_load", "flow"];
    private readonly Forecaster _forecaster = new();

    /// <summary>Builds the report; also returns the time spent in queries and in forecasting.</summary>
    public async Task<(QuarterlyReport Report, TimeSpan Queries, TimeSpan Forecasting)> BuildAsync(ReportDefinition definition, Quarter quarter, string? team, CancellationToken cancellationToken)
    {
        var queryStart = clock.GetTimestamp();
        if (team is not null)
        {
            await metrics.EnsureTeamExistsAsync(team, cancellationToken);
        }

        var progress = Progress(quarter);
        var version = await VersionAsync("reports/metrics_version", cancellationToken);
        var current = progress is null
            ? await metricsCache.GetAsync(quarter, team, quarter.End, version, () => metrics.QuarterAsync(quarter, team, quarter.End, cancellationToken))
            : await metrics.QuarterAsync(quarter, team, progress.Until, cancellationToken);

        // The previous quarter is always closed, even the days of it an in-progress quarter compares with.
        var previousUntil = progress?.PreviousUntil ?? quarter.Previous.End;
        var previous = await metricsCache.GetAsync(quarter.Previous, team, previousUntil, version, () => metrics.QuarterAsync(quarter.Previous, team, previousUntil, cancellationToken));
        var historyStart = quarter.Start.AddMonths(-3 * (definition.HistoryQuarters - 1));

        // Trends chart complete months only: the month in progress would read as a collapse, as the quarter did.
        var chartedEnd = progress is null ? quarter.End : new DateOnly(progress.Until.Year, progress.Until.Month, 1);
        var series = await MonthlySeriesAsync(quarter, team, historyStart, chartedEnd, cacheable: progress is null, cancellationToken);
        var npsWaves = await metrics.QueryAsync<NpsResult>("nps", new MetricsQuery(historyStart, quarter.End, PeriodGrain.Quarter, team), cancellationToken);
        IReadOnlyList<QuarterlyReport.CoverageRow> coverage;
        List<string> freeText;
        Dictionary<string, string> teamNames;
        using (var connection = await database.OpenAsync(cancellationToken))
        {
            // A team report counts the team's own records, so its coverage needs no organisation label.
            coverage = (await connection.QueryAsync<QuarterlyReport.CoverageRow>(team is null
                ? new CommandDefinition(SqlQueries.Get("reports/coverage"), cancellationToken: cancellationToken)
                : new CommandDefinition(SqlQueries.Get("reports/team_coverage"), new { team, k = metricsOptions.Value.MinimumGroupSize }, cancellationToken: cancellationToken))).AsList();
            freeText = (await connection.QueryAsync<string>(new CommandDefinition(SqlQueries.Get("reports/free_text"),
                new { from = quarter.Start.ToDateTime(TimeOnly.MinValue), to = quarter.End.ToDateTime(TimeOnly.MinValue), team, k = metricsOptions.Value.MinimumGroupSize }, cancellationToken: cancellationToken))).AsList();
            teamNames = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(SqlQueries.Get("reports/team_names"), cancellationToken: cancellationToken)))
                .ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        }

        var listed = definition.Teams.Count == 0 ? null : definition.Teams.ToHashSet(StringComparer.Ordinal);
        string Name(string? id) => id is null ? "Organisation" : teamNames.GetValueOrDefault(id, id);
        bool Listed(string? id) => id is not null && (listed is null || listed.Contains(id)) && (team is null || id == team);
        var core4 = await Core4Async(definition, quarter, team, progress, version, Listed, Name, cancellationToken);
        var ai = await AiAsync(definition, quarter, team, progress, version, Listed, teamNames, cancellationToken);
        var queries = clock.GetElapsedTime(queryStart);
        var forecastStart = clock.GetTimestamp();
        var level = team is null ? "organisation" : "team";
        bool Mine(string rowLevel, string? rowTeam) => rowLevel == level && (team is null || rowTeam == team);
        var charted = ((chartedEnd.Year - historyStart.Year) * 12) + chartedEnd.Month - historyStart.Month;
        var months = Enumerable.Range(0, charted).Select(historyStart.AddMonths).ToList();
        var forecastEnd = quarter.End.AddMonths(3 * definition.ForecastQuarters);
        var future = Enumerable.Range(0, ((forecastEnd.Year - chartedEnd.Year) * 12) + forecastEnd.Month - chartedEnd.Month).Select(chartedEnd.AddMonths).ToList();
        var axis = new MonthAxis(historyStart, months.Count + future.Count);
        var scope = team is null ? "the organisation" : "this team";
        Dictionary<DateOnly, double?> Covered<T>(IEnumerable<T> rows, Func<T, string> rowLevel, Func<T, string?> rowTeam, Func<T, DateOnly> month, Func<T, double?> value) =>
            rows.Where(r => Mine(rowLevel(r), rowTeam(r)) && series.Covers(month(r))).ToDictionary(month, value);
        var trends = new List<QuarterlyReport.Trend>
        {
            Trend("Deployments per day", "per day", MetricRange.NonNegative, months, future, axis, definition, $"No production deployments recorded for {scope} in these months.",
                Covered(series.Frequency, r => r.Level, r => r.TeamId, r => r.PeriodStart, r => (double?)r.Deployments / Math.Max(1, r.Days))),
            Trend("Median lead time", "hours", MetricRange.NonNegative, months, future, axis, definition, $"No changes reached production for {scope} in these months.",
                Covered(series.LeadTime, r => r.Level, r => r.TeamId, r => r.PeriodStart, r => r.MedianHours)),
            Trend("Change failure rate", "%", MetricRange.Percentage, months, future, axis, definition, $"No production deployments recorded for {scope} in these months.",
                Covered(series.Failures.Where(r => r.Deployments > 0), r => r.Level, r => r.TeamId, r => r.PeriodStart, r => (double?)(100 * r.Rate))),
            Trend("Median recovery time", "hours", MetricRange.NonNegative, months, future, axis, definition, $"No incidents were resolved for {scope} in these months.",
                Covered(series.Recovery, r => r.Level, r => r.TeamId, r => r.PeriodStart, r => r.MedianHours)),
        };
        var forecasting = clock.GetElapsedTime(forecastStart);

        var k = metricsOptions.Value.MinimumGroupSize;

        var nps = Latest(current.Nps.Where(n => n.Level == level && (team is null || n.TeamId == team)));
        var previousNps = Latest(previous.Nps.Where(n => n.Level == level && (team is null || n.TeamId == team)));
        var devEx = LatestWave(current.DevExScores);
        var themes = ThemeFinder.Find(freeText, k);
        var kpis = Kpis(current, previous, level, team, nps, previousNps);
        var orgLevel = current.DoraLevels.FirstOrDefault(l => team is null ? l.TeamId is null : l.TeamId == team);
        // The DX Core 4 and AI sections exist only with their own data (pull requests, work items, seats), which a
        // quarter can hold without a deployment or a survey answer.
        var hasData = current.DeploymentFrequency.Any(r => r.Deployments > 0) || current.Nps.Any(n => n.Respondents > 0) || current.LeadTime.Any(l => l.Changes > 0)
            || core4 is not null || ai is not null;

        var report = new QuarterlyReport(
            definition, options.Value.Organisation, quarter, team, team is null ? null : Name(team), clock.GetUtcNow(), hasData, coverage, kpis,
            orgLevel?.Overall, Findings(kpis, nps, devEx, level, team, themes, progress),
            trends,
            current.DoraLevels.Where(l => Listed(l.TeamId)).OrderBy(l => Name(l.TeamId), StringComparer.Ordinal)
                .Select(l => new QuarterlyReport.TeamLevel(Name(l.TeamId), l.DeploysPerDay, l.LeadTimeHours, l.ChangeFailureRate, l.RecoveryHours, l.Overall)).ToList(),
            nps,
            SentimentCharts(devEx, Listed, Name),
            themes,
            themes.Count == 0 ? (freeText.Count < k ? $"Fewer than {k} people answered the free-text questions this quarter, so no themes are shown." : $"No theme was shared by {k} or more people.") : null,
            AdoptionCharts(current, team),
            AdoptionFigures(current, level, team),
            current.SupportCategories.OrderByDescending(c => c.EffortHours ?? 0).Take(5).ToList(),
            OnboardingCharts(current, devEx, Listed, Name, level, team),
            current.DevExScores.Count(s => s.Suppressed) + current.Nps.Count(s => s.Suppressed) + current.ResponseRates.Count(s => s.Suppressed),
            k,
            progress,
            NpsTrend(npsWaves, level, team, definition.HistoryQuarters),
            team is null ? TeamMoves(current.DoraLevels, previous.DoraLevels, Listed, Name, TeamsThatMoved) : [])
        {
            Dora2025 = Dora2025Rows(current, Listed, Name),
            Dora2025Note = current.DoraBuckets.Count > 0 ? current.DoraProfiles.Note : null,
            Dora2025UnconfirmedNote = current.DoraBuckets.Count > 0 ? DoraBucketCalculator.UnconfirmedNote(current.UnconfirmedDoraBuckets) : null,
            Core4 = core4,
            Ai = ai,
        };
        return (report, queries, forecasting);
    }

    private static List<Dora2025Row> Dora2025Rows(QuarterlyMetrics current, Func<string?, bool> listed, Func<string?, string> name) =>
        current.DoraBuckets.Where(b => listed(b.TeamId)).OrderBy(b => name(b.TeamId), StringComparer.Ordinal)
            .Select(b =>
            {
                var profile = current.DoraProfiles.Teams.FirstOrDefault(p => p.TeamId == b.TeamId);
                return new Dora2025Row(name(b.TeamId), b.DeploymentFrequency, b.LeadTime, b.RecoveryTime, b.ChangeFailureRate, b.ReworkRate,
                    profile?.ProfileName, profile?.ProfileName is null ? profile?.Reason ?? DoraProfileCandidates.NoAnswers : null);
            })
            .ToList();

    /// <summary>
    /// How far a quarter in progress has got, in whole days of the metrics' time zone, and the same span of the
    /// quarter before to compare with; null when the quarter is over. A quarter that has not begun is refused.
    /// </summary>
    private QuarterlyReport.InProgress? Progress(Quarter quarter)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(metricsOptions.Value.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        if (today <= quarter.Start)
        {
            throw new ReportException($"{quarter} has no complete day yet (today is {today:yyyy-MM-dd}); the latest quarter with data is {Quarter.Of(today.AddDays(-1))}.");
        }

        if (today >= quarter.End)
        {
            return null;
        }

        var elapsed = today.DayNumber - quarter.Start.DayNumber;
        var previous = quarter.Previous;
        var previousUntil = previous.Start.AddDays(elapsed) is var until && until < previous.End ? until : previous.End;
        return new QuarterlyReport.InProgress(today, elapsed, quarter.End.DayNumber - quarter.Start.DayNumber, previousUntil);
    }

    private QuarterlyReport.Trend Trend(string metric, string unit, MetricRange range, List<DateOnly> months, List<DateOnly> future, MonthAxis axis, ReportDefinition definition, string empty, Dictionary<DateOnly, double?> byMonth)
    {
        var series = months.Select(m => byMonth.GetValueOrDefault(m)).ToList();
        var forecast = _forecaster.Forecast(series, future.Count, 12, range: range);
        var first = months.FindIndex(m => byMonth.GetValueOrDefault(m) is not null);
        var coverage = first switch
        {
            < 0 => " There is no data for these months.",
            > 0 => $" Data starts in {Month(months[first])}; the months before it have no data and are left blank.",
            _ => "",
        };
        var description = $"{metric} by month over the last {definition.HistoryQuarters} quarters" + (forecast.Points.Count > 0
            ? $", with a {forecast.Method} forecast for the next {definition.ForecastQuarters} quarters and its 80% interval."
            : $"; {forecast.Unavailable}.") + coverage;
        var chart = new TrendChart(metric, description, unit, axis, series, forecast, empty);
        return new QuarterlyReport.Trend(metric, unit, new QuarterlyReport.Chart(chart), forecast);
    }

    /// <summary>
    /// The four monthly delivery series and the span of months with data; a closed quarter's come from
    /// <see cref="MonthlySeriesCache"/> while the data version is unchanged.
    /// </summary>
    private async Task<MonthlySeries> MonthlySeriesAsync(Quarter quarter, string? team, DateOnly from, DateOnly to, bool cacheable, CancellationToken cancellationToken)
    {
        if (!cacheable)
        {
            return await LoadMonthlySeriesAsync(team, from, to, cancellationToken);
        }

        var version = await VersionAsync("reports/series_version", cancellationToken);
        return await seriesCache.GetAsync(quarter, team, from, to, version, () => LoadMonthlySeriesAsync(team, from, to, cancellationToken));
    }

    /// <summary>The data version a cache is keyed by, from one of the <c>queries/reports/*_version.sql</c> files.</summary>
    private async Task<string> VersionAsync(string query, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<string>(new CommandDefinition(SqlQueries.Get(query), cancellationToken: cancellationToken));
    }

    private async Task<MonthlySeries> LoadMonthlySeriesAsync(string? team, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var monthly = new MetricsQuery(from, to, PeriodGrain.Month, team);
        var frequency = metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", monthly, cancellationToken);
        var leadTime = metrics.QueryAsync<LeadTime>("lead_time", monthly, cancellationToken);
        var failures = metrics.QueryAsync<ChangeFailureRate>("change_failure_rate", monthly, cancellationToken);
        var recovery = metrics.QueryAsync<RecoveryTime>("recovery_time", monthly, cancellationToken);
        (DateTimeOffset? First, DateTimeOffset? Last) span;
        using (var connection = await database.OpenAsync(cancellationToken))
        {
            span = await connection.QuerySingleAsync<(DateTimeOffset?, DateTimeOffset?)>(new CommandDefinition(SqlQueries.Get("reports/deployment_span"), new { team }, cancellationToken: cancellationToken));
        }

        await Task.WhenAll(frequency, leadTime, failures, recovery);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(metricsOptions.Value.TimeZone);
        DateOnly? MonthOf(DateTimeOffset? at) => at is { } t && TimeZoneInfo.ConvertTime(t, zone) is var local ? new DateOnly(local.Year, local.Month, 1) : null;
        return new MonthlySeries(await frequency, await leadTime, await failures, await recovery, MonthOf(span.First), MonthOf(span.Last));
    }

    private static IReadOnlyList<QuarterlyReport.Kpi> Kpis(QuarterlyMetrics current, QuarterlyMetrics previous, string level, string? team, NpsResult? nps, NpsResult? previousNps)
    {
        T? Pick<T>(IEnumerable<T> rows, Func<T, string> rowLevel, Func<T, string?> rowTeam) => rows.FirstOrDefault(r => rowLevel(r) == level && (team is null || rowTeam(r) == team));
        double? PerDay(QuarterlyMetrics m) => Pick(m.DeploymentFrequency, r => r.Level, r => r.TeamId) is { } r ? (double)r.Deployments / Math.Max(1, r.Days) : null;
        double? Lead(QuarterlyMetrics m) => Pick(m.LeadTime, r => r.Level, r => r.TeamId)?.MedianHours;
        long? Changes(QuarterlyMetrics m) => Pick(m.LeadTime, r => r.Level, r => r.TeamId)?.Changes;
        long? Recovered(QuarterlyMetrics m) => Pick(m.RecoveryTime, r => r.Level, r => r.TeamId)?.Recovered;
        double? Failure(QuarterlyMetrics m) => Pick(m.ChangeFailureRate, r => r.Level, r => r.TeamId) is { Deployments: > 0 } r ? 100 * r.Rate : null;
        double? Recovery(QuarterlyMetrics m) => Pick(m.RecoveryTime, r => r.Level, r => r.TeamId)?.MedianHours;
        double? Adoption(QuarterlyMetrics m) => Pick(m.Adoption, r => r.Level, r => r.TeamId) is { } r ? 100 * r.ServiceShare : null;
        double? FirstDeploy(QuarterlyMetrics m) => m.TimeToFirstDeploy.Where(r => r.Level == level && (team is null || r.TeamId == team) && r.MedianDays is not null)
            .Select(r => r.MedianDays).LastOrDefault();
        long? Starters(QuarterlyMetrics m) => m.TimeToFirstDeploy.Where(r => r.Level == level && (team is null || r.TeamId == team) && r.MedianDays is not null)
            .Select(r => (long?)r.Deployed).LastOrDefault();

        return
        [
            Kpi("Deployments per day", PerDay(current), PerDay(previous), "0.0", higherIsBetter: true, relative: true),
            Kpi("Median lead time (hours)", Lead(current), Lead(previous), "0", higherIsBetter: false, relative: true) with { Note = FewValues(Changes(current), "change", "changes") },
            Kpi("Change failure rate (%)", Failure(current), Failure(previous), "0.0", higherIsBetter: false, relative: false),
            Kpi("Median recovery time (hours)", Recovery(current), Recovery(previous), "0.0", higherIsBetter: false, relative: true) with { Note = FewValues(Recovered(current), "recovery", "recoveries") },
            Kpi("Platform NPS", nps?.Nps, previousNps?.Nps, "0", higherIsBetter: true, relative: false),
            Kpi("Services on the platform (%)", Adoption(current), Adoption(previous), "0", higherIsBetter: true, relative: false),
            Kpi("Median days to first deploy", FirstDeploy(current), FirstDeploy(previous), "0", higherIsBetter: false, relative: true) with { Note = FewValues(Starters(current), "person", "people") },
        ];
    }

    /// <summary>
    /// A median of fewer than <see cref="FewestForHeadline"/> values is mostly one or two cases, so it says so in
    /// plain words (and is kept out of the findings); null when there are enough.
    /// </summary>
    private static string? FewValues(long? count, string one, string many) =>
        count is > 0 and var n && n < FewestForHeadline ? $"from only {n} {(n == 1 ? one : many)}, so one case moves it" : null;

    private static QuarterlyReport.Kpi Kpi(string name, double? now, double? before, string format, bool higherIsBetter, bool relative)
    {
        string Text(double? v) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
        if (now is not { } a || before is not { } b)
        {
            return new QuarterlyReport.Kpi(name, Text(now), Text(before), "no comparison", "flat", null);
        }

        var delta = relative ? (b == 0 ? 0 : 100 * (a - b) / Math.Abs(b)) : a - b;
        var flat = Math.Abs(delta) < (relative ? 2 : 0.5);
        var change = flat ? "no change" : relative ? $"{Sign(delta)}{Math.Abs(delta):0}%" : $"{Sign(delta)}{Math.Abs(delta).ToString(format, CultureInfo.InvariantCulture)} pts";
        var direction = flat ? "flat" : (delta > 0) == higherIsBetter ? "better" : "worse";
        return new QuarterlyReport.Kpi(name, Text(now), Text(before), change, direction, b == 0 ? null : (a - b) / Math.Abs(b));
    }

    private static string Sign(double value) => value >= 0 ? "+" : "−";

    private static List<string> Findings(IReadOnlyList<QuarterlyReport.Kpi> kpis, NpsResult? nps, IReadOnlyList<Analytics.Core.Metrics.Sentiment.DevExScore> devEx, string level, string? team, IReadOnlyList<Theme> themes, QuarterlyReport.InProgress? progress)
    {
        var (now, before) = progress is null ? ("this quarter", "last quarter") : ($"in the first {progress.DaysElapsed} days of this quarter", "the same days of last quarter");
        var findings = new List<string>();
        var delivery = kpis.Take(4).Where(k => k.Direction != "flat" && k.RelativeChange is not null && k.Note is null).MaxBy(k => Math.Abs(k.RelativeChange!.Value));
        var dora = kpis.Take(4).ToList();
        findings.Add(delivery is not null
            ? $"{Subject(delivery.Name)} moved most in delivery: {delivery.Value} {now} against {delivery.Previous} in {before} ({delivery.Change}), a change for the {delivery.Direction}."
            : dora[0].Value == "—" ? "There were no production deployments this quarter, so delivery cannot be judged." : $"Delivery held steady: {dora[0].Value} deployments a day and a median lead time of {dora[1].Value} hours {now}, as in {before}.");

        if (nps?.Nps is { } score)
        {
            var margin = nps.MarginOfError is { } m ? $" (±{m:0} at 95%)" : "";
            var significance = nps.ChangeZ is { } z ? (Math.Abs(z) >= 1.96 ? $", a significant change of {Sign(nps.Change ?? 0)}{Math.Abs(nps.Change ?? 0):0} points" : $"; the change of {Sign(nps.Change ?? 0)}{Math.Abs(nps.Change ?? 0):0} points is within the margin of error") : "";
            findings.Add($"Platform NPS is {score:0}{margin} from {nps.Respondents} respondents{significance}." + (EveryoneAnswered(nps, team) is { } exact ? $" {exact}" : ""));
        }
        else
        {
            findings.Add("No survey wave reached enough respondents this quarter to report NPS.");
        }

        var dimensions = devEx.Where(d => d.Level == level && (team is null || d.TeamId == team) && DevExDimensions.Contains(d.Dimension) && d.Mean is not null)
            .GroupBy(d => d.Dimension).Select(g => (Dimension: g.Key, Mean: g.Average(d => d.Mean!.Value), Favourable: g.Average(d => d.FavourablePercent ?? 0))).ToList();
        var weakest = dimensions.Count > 0 ? dimensions.MinBy(d => d.Mean) : default;
        var theme = themes.Count > 0 ? themes[0] : null;
        findings.Add(weakest.Dimension is not null
            ? $"Developers rate {Label(weakest.Dimension)} lowest of the DevEx dimensions ({weakest.Mean:0.0} of 5, {weakest.Favourable:0}% favourable)" + (theme is not null ? $"; the most common friction theme is “{theme.Label}” ({theme.Count} answers)." : ".")
            : theme is not null ? $"The most common friction theme is “{theme.Label}” ({theme.Count} answers)." : "There is not yet enough survey data to say where developers feel most friction.");
        return findings;
    }

    /// <summary>
    /// The plain-words note for an NPS whose margin is nil because the whole audience answered (the finite-population
    /// correction): exact for those people, but no guide to the next wave. Null otherwise.
    /// </summary>
    public static string? EveryoneAnswered(NpsResult nps, string? team) =>
        nps is { MarginOfError: < 0.5, Respondents: > 0 and var n }
            ? $"Everyone {(team is null ? "invited" : "in the team")} answered, so there is no sampling error; the figure is exact for these {n} people but says little about next quarter."
            : null;

    private static string Subject(string kpi) => kpi[..(kpi.IndexOf(" (", StringComparison.Ordinal) is var i and >= 0 ? i : kpi.Length)];

    private static string Label(string dimension) => dimension switch
    {
        "feedback_loops" => "feedback loops",
        "cognitive_load" => "cognitive load",
        "flow" => "flow",
        _ => dimension.Replace('_', ' '),
    };

    private static List<QuarterlyReport.Chart> SentimentCharts(IReadOnlyList<DevExScore> devEx, Func<string?, bool> listed, Func<string?, string> name)
    {
        var rows = devEx.Where(d => d.Level == "team" && listed(d.TeamId) && DevExDimensions.Contains(d.Dimension)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var cells = rows.GroupBy(d => (d.TeamId, d.Dimension))
            .Select(g => new HeatmapChart.Cell(name(g.Key.TeamId), Label(g.Key.Dimension), g.All(d => d.Suppressed) ? null : g.Where(d => !d.Suppressed).Average(d => d.Mean)))
            .OrderBy(c => c.Row, StringComparer.Ordinal).ToList();
        const string description = "Mean DevEx score (1 to 5) per team and dimension; a dash marks a group too small to report.";
        return [new(new HeatmapChart("DevEx by team (mean of 1–5)", description, cells, 1, 5))];
    }

    /// <summary>What a team report adds to an organisation-wide figure, which the metrics cannot narrow to one team.</summary>
    public const string ForComparison = "Organisation (for comparison)";

    private static string Whose(string label, string? team) => team is null ? label : $"{label} — {ForComparison}";

    private static List<QuarterlyReport.Chart> AdoptionCharts(QuarterlyMetrics current, string? team)
    {
        var charts = new List<QuarterlyReport.Chart>();
        var capabilities = current.CapabilityAdoption.GroupBy(c => c.Capability).Select(g => g.OrderBy(c => c.PeriodStart).Last()).ToList();
        if (capabilities.Count > 0)
        {
            const string description = "Share of services in production using each platform capability at the end of the quarter.";
            charts.Add(new(new BarChart("Adoption by capability", description, "% of production services",
                capabilities.Select(c => new BarChart.Bar(c.Capability, Math.Round(100 * c.Share, 1))).ToList(), "0")));
        }

        if (current.WeeklyActivity.Count > 0)
        {
            var description = team is null ? "Teams that deployed through the platform, each week of the quarter." : "Whether the team deployed through the platform (1) or not (0), each week of the quarter.";
            charts.Add(new(new BarChart(team is null ? "Weekly active teams" : "Weeks the team deployed", description, "teams",
                current.WeeklyActivity.Select(w => new BarChart.Bar(w.WeekStart.ToString("MMM d", CultureInfo.InvariantCulture), w.ActiveTeams)).ToList(), Horizontal: false)));
        }

        if (current.SupportCategories.Count > 0)
        {
            // Support is the platform team's work for everyone, so a team report shows the organisation's, labelled.
            var description = "Support requests to the platform team by category this quarter" + (team is null ? "." : ", from the whole organisation.");
            charts.Add(new(new BarChart(Whose("Support requests by category", team), description, "requests",
                current.SupportCategories.Select(c => new BarChart.Bar(c.Category, c.Requests)).ToList())));
        }

        return charts;
    }

    private static List<QuarterlyReport.Figure> AdoptionFigures(QuarterlyMetrics current, string level, string? team)
    {
        var figures = new List<QuarterlyReport.Figure>();
        if (current.Adoption.FirstOrDefault(a => a.Level == level) is { } adoption)
        {
            figures.Add(new("Services in production on the platform", $"{adoption.AdoptedServices} of {adoption.ActiveServices}{Share(adoption.ServiceShare)}"));
            figures.Add(new("Teams on the platform", $"{adoption.AdoptedTeams} of {adoption.ActiveTeams}{Share(adoption.TeamShare)}"));

            // Experiments are left out of the shares above, so they get a line of their own rather than vanishing.
            if (adoption.ExperimentalServices > 0)
            {
                figures.Add(new("Experimental services on the platform (not in the shares)", $"{adoption.ExperimentalAdoptedServices} of {adoption.ExperimentalServices}"));
            }
        }

        if (current.Retention.Where(r => r.Share is not null).LastOrDefault() is { } retention)
        {
            figures.Add(new("Retention (teams active last quarter still active)", $"{100 * retention.Share!.Value:0}% ({retention.Retained} of {retention.ActivePreviously})"));
        }

        if (current.ParticipatoryAdoption.Count > 0 && current.ParticipatoryAdoption[^1] is var participation)
        {
            figures.Add(new(Whose("Engineers contributing to the platform", team), $"{participation.Contributors} of {participation.Engineers} ({100 * participation.Share:0.0}%)"));
        }

        if (current.SupportLoad.Count > 0 && current.SupportLoad[^1] is { PerHundredEngineersPerMonth: { } load } support)
        {
            figures.Add(new(Whose("Support requests per 100 engineers a month", team), $"{load:0.0} (median first response {support.MedianFirstResponseHours:0.0} h)"));
        }

        return figures;
    }

    private static string Share(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $" ({100 * s:0}%)") : string.Empty;

    private static List<QuarterlyReport.Chart> OnboardingCharts(QuarterlyMetrics current, IReadOnlyList<DevExScore> devEx, Func<string?, bool> listed, Func<string?, string> name, string level, string? team)
    {
        var charts = new List<QuarterlyReport.Chart>();
        var cohorts = current.TimeToFirstDeploy.Where(t => t.Level == level && (team is null || t.TeamId == team) && t.MedianDays is not null).ToList();
        if (cohorts.Count > 0)
        {
            const string description = "Median days from a new engineer's start to their first production deployment, by start month.";
            charts.Add(new(new BarChart("Median days to first deploy, by start month", description, "days",
                cohorts.Select(c => new BarChart.Bar(c.CohortStart.ToString("MMM yyyy", CultureInfo.InvariantCulture), Math.Round(c.MedianDays!.Value, 1))).ToList(), "0.0", Horizontal: false)));
        }

        var journey = devEx.Where(d => d.Dimension == "journey" && d.Item is not null && (d.Level == "organisation" || listed(d.TeamId))).ToList();
        if (journey.Count > 0)
        {
            // A team report's survey rows are the team's alone (no organisation row), so it does not promise one.
            var description = "How each step of the path to production feels (mean of 1 = very painful to 5 = delightful), "
                + (team is null ? "organisation first, then by team" : "for the team") + "; a dash marks a group too small to report.";
            var stages = Analytics.Core.Surveys.Templates.PathToProductionTemplate.Stages;
            var cells = journey.OrderBy(d => d.Level == "organisation" ? "" : name(d.TeamId), StringComparer.Ordinal).ThenBy(d => stages.ToList().IndexOf(d.Item!))
                .Select(d => new HeatmapChart.Cell(d.Level == "organisation" ? "Organisation" : name(d.TeamId), StageLabel(d.Item!), d.Suppressed ? null : d.Mean)).ToList();
            charts.Add(new(new HeatmapChart("Path to production by stage", description, cells, 1, 5)));
        }

        return charts;
    }

    private static string StageLabel(string stage) => stage switch
    {
        "start_service" => "Start service",
        "get_infrastructure" => "Infrastructure",
        "build_and_test" => "Build & test",
        "review" => "Review",
        "deploy" => "Deploy",
        "operate" => "Operate",
        _ => stage,
    };

    private static List<DevExScore> LatestWave(IReadOnlyList<DevExScore> scores)
    {
        var latest = scores.MaxBy(s => s.OpensAt)?.WaveId;
        return scores.Where(s => s.WaveId == latest).ToList();
    }

    private static NpsResult? Latest(IEnumerable<NpsResult> results) => results.Where(r => !r.Suppressed).MaxBy(r => r.OpensAt);

    private static string Month(DateOnly month) => month.ToString("MMM yy", CultureInfo.InvariantCulture);
}
