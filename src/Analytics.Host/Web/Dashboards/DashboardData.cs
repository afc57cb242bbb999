using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Storage;
using Analytics.Surveys;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Builds what the dashboards show from <see cref="MetricsService"/>, so every figure is the CLI's, the API's and
/// the report's, suppressed the same way; quarter results come through <see cref="DashboardCache"/>.
/// </summary>
public sealed class DashboardData(MetricsService metrics, DashboardCache cache, SurveyStore store, PulseDatabase database, IOptions<MetricsOptions> options, TimeProvider clock)
{
    /// <summary>Columns the delivery table sorts by.</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["name", "deploys", "lead", "cfr", "recovery", "rework"];

    /// <summary>Longest date range a dashboard shows.</summary>
    public const int MaxRangeYears = 5;

    /// <summary>
    /// The filter a URL asks for: a date range when <paramref name="from"/> or <paramref name="to"/> is given (both
    /// days included; the range wins over a quarter), else the quarter, the latest complete one when none is given.
    /// Throws <see cref="FormatException"/> for a malformed or future quarter or range and
    /// <see cref="ArgumentException"/> for an unknown team, or a <paramref name="service"/> that is not the team's.
    /// </summary>
    public async Task<DashboardFilter> FilterAsync(string? quarter, string? from, string? to, string? team, CancellationToken cancellationToken, string? service = null)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone)).DateTime);
        DashboardFilter filter;
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            var first = Day(from, "from");
            var last = Day(to, "to");
            if (last < first)
            {
                throw new FormatException($"The range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).");
            }

            if (last >= first.AddYears(MaxRangeYears))
            {
                throw new FormatException($"The range from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} is longer than {MaxRangeYears} years; choose at most {MaxRangeYears} years.");
            }

            if (last >= today)
            {
                throw new FormatException($"The range runs to {last:yyyy-MM-dd}, but only days before today ({today:yyyy-MM-dd}) are complete; end it on {today.AddDays(-1):yyyy-MM-dd} at the latest.");
            }

            filter = new DashboardFilter(Quarter.Of(first), null, last.AddDays(1), first);
        }
        else
        {
            var which = string.IsNullOrWhiteSpace(quarter) ? Quarter.Of(today).Previous : Quarter.Parse(quarter);
            if (today <= which.Start)
            {
                throw new FormatException($"{which} has no complete day yet (today is {today:yyyy-MM-dd}); choose {Quarter.Of(today.AddDays(-1))} or earlier.");
            }

            filter = new DashboardFilter(which, null, today < which.End ? today : which.End);
        }

        var teamId = string.IsNullOrWhiteSpace(team) ? null : team;
        if (teamId is not null)
        {
            await metrics.EnsureTeamExistsAsync(teamId, cancellationToken);
        }

        var serviceId = string.IsNullOrWhiteSpace(service) ? null : service;
        if (serviceId is not null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var owner = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(SqlQueries.Get("dashboards/service_team"), new { service = serviceId }, cancellationToken: cancellationToken));
            if (owner is null || owner != teamId)
            {
                throw new UnknownServiceException(owner is null ? $"There is no service '{serviceId}'." : $"Service '{serviceId}' belongs to team '{owner}', not '{teamId}'.");
            }
        }

        return filter with { Team = teamId, Service = serviceId };
    }

    private static DateOnly Day(string? text, string name) =>
        string.IsNullOrWhiteSpace(text)
            ? throw new FormatException($"A range needs both days: give '{name}' too, like {name}=2026-05-01.")
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new FormatException($"'{text}' is not a day: write '{name}' like 2026-05-01.");

    /// <summary>The overview of a filter.</summary>
    public async Task<OverviewModel> OverviewAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var teams = await store.TeamsAsync(cancellationToken);
        var now = await cache.SetAsync(filter, cancellationToken);
        var before = await cache.SetAsync(filter.Before, cancellationToken);

        var mine = Mine(filter.Team);
        var deployments = now.DeploymentFrequency.Where(r => mine(r.Level, r.TeamId)).Sum(r => r.Deployments);
        var empty = deployments == 0 && now.LeadTime.Where(r => mine(r.Level, r.TeamId)).Sum(r => r.Changes) == 0
            ? $"No deployments or changes were recorded {(filter.Team is null ? "" : "for this team ")}in {filter.Label}{(filter.InProgress ? " so far" : "")}. Data may start later, or the sources have not run yet: see Sources."
            : null;

        var headlines = new List<Headline>
        {
            Compare("Deployments per day", PerDay(now, mine), PerDay(before, mine), higherIsBetter: true, Format.Rate),
            Compare("Median lead time", now.LeadTime.FirstOrDefault(r => mine(r.Level, r.TeamId))?.MedianHours, before.LeadTime.FirstOrDefault(r => mine(r.Level, r.TeamId))?.MedianHours, higherIsBetter: false, Format.Hours),
            Compare("Change failure rate", now.ChangeFailureRate.FirstOrDefault(r => mine(r.Level, r.TeamId))?.Rate, before.ChangeFailureRate.FirstOrDefault(r => mine(r.Level, r.TeamId))?.Rate, higherIsBetter: false, Format.Percent, points: true),
            Compare("Median recovery time", now.RecoveryTime.FirstOrDefault(r => mine(r.Level, r.TeamId))?.MedianHours, before.RecoveryTime.FirstOrDefault(r => mine(r.Level, r.TeamId))?.MedianHours, higherIsBetter: false, Format.Hours),
            Nps(now, filter.Team),
            Compare("Services on the platform", now.Adoption.FirstOrDefault(r => mine(r.Level, r.TeamId))?.ServiceShare, before.Adoption.FirstOrDefault(r => mine(r.Level, r.TeamId))?.ServiceShare, higherIsBetter: true, Format.Percent, points: true),
            Compare("Median days to first deploy", now.TimeToFirstDeploy.FirstOrDefault(r => mine(r.Level, r.TeamId))?.MedianDays, before.TimeToFirstDeploy.FirstOrDefault(r => mine(r.Level, r.TeamId))?.MedianDays, higherIsBetter: false, Format.Days),
        };

        var level = now.DoraLevels.FirstOrDefault(l => l.TeamId == filter.Team)?.Overall;
        var movers = filter.Team is null ? Movers(now, before, teams) : [];
        return new OverviewModel(filter, teams, level, headlines, movers, empty);
    }

    /// <summary>The delivery table of a filter: teams, or one team's services.</summary>
    public async Task<DeliveryModel> DeliveryAsync(DashboardFilter filter, string? sort, bool descending, CancellationToken cancellationToken)
    {
        var teams = await store.TeamsAsync(cancellationToken);
        var now = await cache.SetAsync(filter, cancellationToken);
        var names = teams.ToDictionary(t => t.TeamId, t => t.Name);
        var level = filter.Team is null ? "team" : "service";
        string Key(string? teamId, string? serviceId) => (level == "team" ? teamId : serviceId) ?? "";
        var lead = now.LeadTime.Where(r => r.Level == level).ToDictionary(r => Key(r.TeamId, r.ServiceId));
        var failures = now.ChangeFailureRate.Where(r => r.Level == level).ToDictionary(r => Key(r.TeamId, r.ServiceId));
        var recovery = now.RecoveryTime.Where(r => r.Level == level).ToDictionary(r => Key(r.TeamId, r.ServiceId));
        var rework = now.ReworkRate.Where(r => r.Level == level).ToDictionary(r => Key(r.TeamId, r.ServiceId));
        var levels = now.DoraLevels.Where(l => l.TeamId is not null).ToDictionary(l => l.TeamId!);
        var rows = now.DeploymentFrequency.Where(r => r.Level == level).Select(r =>
        {
            var id = Key(r.TeamId, r.ServiceId);
            return new DeliveryRow(id, level == "team" ? names.GetValueOrDefault(id, id) : id, r.TeamId, r.Deployments,
                r.Days > 0 ? (double)r.Deployments / r.Days : null,
                lead.GetValueOrDefault(id)?.MedianHours, failures.GetValueOrDefault(id)?.Rate, recovery.GetValueOrDefault(id)?.MedianHours,
                rework.TryGetValue(id, out var rw) && rw.Deployments > 0 ? rw.Rate : null,
                level == "team" ? levels.GetValueOrDefault(id)?.Overall : null);
        });

        var column = sort is not null && SortColumns.Contains(sort) ? sort : "name";
        Func<DeliveryRow, IComparable?> by = column switch
        {
            "deploys" => r => r.DeploysPerDay,
            "lead" => r => r.LeadTimeHours,
            "cfr" => r => r.ChangeFailureRate,
            "recovery" => r => r.RecoveryHours,
            "rework" => r => r.ReworkRate,
            _ => r => r.Name,
        };

        // Rows without the figure go last in either direction: "no data" is not the best or the worst.
        var sorted = rows.OrderBy(r => by(r) is null);
        sorted = descending ? sorted.ThenByDescending(by) : sorted.ThenBy(by);
        return new DeliveryModel(filter, teams, [.. sorted.ThenBy(r => r.Name, StringComparer.Ordinal)], column, descending, now.DoraBuckets, now.DoraProfiles);
    }

    /// <summary>A team's month-by-month delivery over the twelve months to the end of the filter's quarter.</summary>
    public async Task<TeamTrendModel> TeamAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var team = await store.TeamAsync(filter.Team!, cancellationToken) ?? throw new ArgumentException($"There is no team '{filter.Team}'.");
        var end = filter.IsRange ? new DateOnly(filter.Until.Year, filter.Until.Month, 1) : filter.Quarter.End;
        var query = new MetricsQuery(end.AddMonths(-12), filter.Until, PeriodGrain.Month, filter.Team);
        var frequency = await metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", query, cancellationToken);
        var lead = (await metrics.QueryAsync<LeadTime>("lead_time", query, cancellationToken)).Where(r => r.Level == "team").ToDictionary(r => r.PeriodStart);
        var failures = (await metrics.QueryAsync<ChangeFailureRate>("change_failure_rate", query, cancellationToken)).Where(r => r.Level == "team").ToDictionary(r => r.PeriodStart);
        var recovery = (await metrics.QueryAsync<RecoveryTime>("recovery_time", query, cancellationToken)).Where(r => r.Level == "team").ToDictionary(r => r.PeriodStart);
        var months = frequency.Where(r => r.Level == "team").OrderBy(r => r.PeriodStart).Select(r => new MonthRow(r.PeriodStart, r.Deployments,
            r.Days > 0 ? (double)r.Deployments / r.Days : null, lead.GetValueOrDefault(r.PeriodStart)?.MedianHours,
            failures.GetValueOrDefault(r.PeriodStart)?.Rate, recovery.GetValueOrDefault(r.PeriodStart)?.MedianHours)).ToList();
        return new TeamTrendModel(filter, team, months);
    }

    /// <summary>The sentiment of a filter: every wave that opened in the quarter, organisation first, then teams by name.</summary>
    public async Task<SentimentModel> SentimentAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var teams = await store.TeamsAsync(cancellationToken);
        var now = await cache.SetAsync(filter, cancellationToken);
        var names = teams.ToDictionary(t => t.TeamId, t => t.Name);
        string Order(string level, string? teamId) => level == "organisation" ? "" : names.GetValueOrDefault(teamId ?? "", teamId ?? "");
        return new SentimentModel(filter, teams,
            [.. now.Nps.OrderBy(n => n.OpensAt).ThenBy(n => Order(n.Level, n.TeamId), StringComparer.Ordinal)],
            [.. now.ResponseRates.OrderBy(r => r.OpensAt).ThenBy(r => Order(r.Level, r.TeamId), StringComparer.Ordinal)],
            [.. now.DevExScores.OrderBy(d => d.OpensAt).ThenBy(d => Order(d.Level, d.TeamId), StringComparer.Ordinal)],
            metrics.MinimumGroupSize);
    }

    /// <summary>Deployments listed on one page of a drill-down.</summary>
    public const int DeploymentsPerPage = 50;

    /// <summary>
    /// One page of the deployments the team's deployment frequency counts in the filter's period. Throws
    /// <see cref="FormatException"/> naming <paramref name="page"/> when it is not a whole number from 1 to the last page.
    /// </summary>
    public async Task<DeploymentsModel> DeploymentsAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        var team = await store.TeamAsync(filter.Team!, cancellationToken) ?? throw new ArgumentException($"There is no team '{filter.Team}'.");
        var range = new { from = filter.From, to = filter.Until, tz = options.Value.TimeZone, team = filter.Team, service = filter.Service };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("dashboards/deployments_counted_total"), range, cancellationToken: cancellationToken));
        var pages = (int)Math.Max(1, (total + DeploymentsPerPage - 1) / DeploymentsPerPage);
        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > pages))
        {
            throw new FormatException($"There is no page '{page}' of deployments: give a whole number from 1 to {pages}.");
        }

        var rows = await connection.QueryAsync<CountedDeployment>(new CommandDefinition(SqlQueries.Get("dashboards/deployments_counted"),
            new { range.from, range.to, range.tz, range.team, range.service, limit = DeploymentsPerPage, offset = (number - 1) * DeploymentsPerPage }, cancellationToken: cancellationToken));
        return new DeploymentsModel(filter, team, [.. rows], total, number, DeploymentsPerPage);
    }

    private static Func<string, string?, bool> Mine(string? team) =>
        team is null ? (level, _) => level == "organisation" : (level, teamId) => level == "team" && teamId == team;

    private static double? PerDay(QuarterlyMetrics metrics, Func<string, string?, bool> mine) =>
        metrics.DeploymentFrequency.FirstOrDefault(r => mine(r.Level, r.TeamId)) is { Days: > 0 } row ? (double)row.Deployments / row.Days : null;

    private static Headline Compare(string name, double? now, double? before, bool higherIsBetter, Func<double, string> format, bool points = false)
    {
        if (now is not { } value || double.IsNaN(value))
        {
            return new Headline(name, null, before is { } b ? format(b) : null, null, null, "No data in this period.");
        }

        if (before is not { } previous || double.IsNaN(previous))
        {
            return new Headline(name, format(value), null, null, null, "No figure for the period before to compare with.");
        }

        var change = points ? Format.SharePoints(value - previous) : Format.RelativeChange(value, previous);
        bool? better = Math.Abs(value - previous) < 1e-9 ? null : (value > previous) == higherIsBetter;
        return new Headline(name, format(value), format(previous), change, better);
    }

    private Headline Nps(QuarterlyMetrics now, string? team)
    {
        var level = team is null ? "organisation" : "team";
        var latest = now.Nps.Where(n => n.Level == level && n.TeamId == team).OrderBy(n => n.OpensAt).LastOrDefault();
        if (latest is null)
        {
            return new Headline("Platform NPS", null, null, null, null, "No survey wave opened in this period.");
        }

        if (latest.Suppressed || latest.Nps is not { } nps)
        {
            return new Headline("Platform NPS", null, null, null, null, $"Hidden in {latest.WaveName}: fewer than {metrics.MinimumGroupSize} people answered, or showing it would reveal a smaller group.");
        }

        var margin = latest.MarginOfError is { } m ? $" ±{m:0}" : "";
        var change = latest.Change is { } c ? Format.Points(c) : null;
        bool? better = latest.Change is { } d && latest.ChangeZ is { } z && Math.Abs(z) >= 1.96 ? d > 0 : null;
        var note = $"{latest.WaveName}, {latest.Respondents} respondents" + (change is null ? "" : better is null ? "; the change is within the margin" : "; a significant change");
        return new Headline("Platform NPS", $"{nps:0}{margin}", null, change, better, note);
    }

    private static List<TeamMovement> Movers(QuarterlyMetrics now, QuarterlyMetrics before, IReadOnlyList<TeamName> teams)
    {
        // A move counts only where both periods have enough behind them to be more than noise.
        const long Enough = 20;
        var names = teams.ToDictionary(t => t.TeamId, t => t.Name);
        var moves = new List<TeamMovement>();
        var beforeFrequency = before.DeploymentFrequency.Where(r => r.Level == "team").ToDictionary(r => r.TeamId!);
        foreach (var row in now.DeploymentFrequency.Where(r => r.Level == "team" && r.Deployments >= Enough && r.Days > 0))
        {
            if (beforeFrequency.TryGetValue(row.TeamId!, out var old) && old.Deployments >= Enough && old.Days > 0)
            {
                var (a, b) = ((double)old.Deployments / old.Days, (double)row.Deployments / row.Days);
                moves.Add(new TeamMovement(row.TeamId!, names.GetValueOrDefault(row.TeamId!, row.TeamId!), "Deployments per day", Format.Rate(a), Format.Rate(b), Format.RelativeChange(b, a), b > a, Math.Abs(Math.Log(b / a))));
            }
        }

        var beforeLead = before.LeadTime.Where(r => r.Level == "team").ToDictionary(r => r.TeamId!);
        foreach (var row in now.LeadTime.Where(r => r.Level == "team" && r.Changes >= Enough && r.MedianHours > 0))
        {
            if (beforeLead.TryGetValue(row.TeamId!, out var old) && old.Changes >= Enough && old.MedianHours is { } a && a > 0 && row.MedianHours is { } b)
            {
                moves.Add(new TeamMovement(row.TeamId!, names.GetValueOrDefault(row.TeamId!, row.TeamId!), "Median lead time", Format.Hours(a), Format.Hours(b), Format.RelativeChange(b, a), b < a, Math.Abs(Math.Log(b / a))));
            }
        }

        return [.. moves.Where(m => m.Size >= Math.Log(1.2)).OrderByDescending(m => m.Size).Take(6)];
    }
}
