using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.DoraProfiles;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Metrics.Support;
using Analytics.Core.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Every metric Pulse shows, each computed by one query of <c>queries/metrics/</c>; the web app, the command line
/// and the reports all ask this service.
/// </summary>
public sealed partial class MetricsService
{
    private readonly PulseDatabase _database;
    private readonly MetricsOptions _options;

    /// <summary>Creates the service; the options are validated here, so a bad setting fails at start.</summary>
    public MetricsService(PulseDatabase database, IOptions<MetricsOptions> options)
    {
        _database = database;
        _options = options.Value;
        _options.Validate();
    }

    /// <summary>The organisation's smallest reported survey group (k); a wave's own k applies when larger.</summary>
    public int MinimumGroupSize => _options.MinimumGroupSize;

    /// <summary>Checks that a team exists; throws <see cref="ArgumentException"/> naming it when it does not.</summary>
    public async Task EnsureTeamExistsAsync(string team, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlQueries.Get("metrics/team_exists"), new { team }, cancellationToken: cancellationToken)))
        {
            throw new ArgumentException($"There is no team '{team}'. Team ids are the catalog's group names, such as '{await AnyTeamAsync(connection, cancellationToken)}'.");
        }
    }

    /// <summary>
    /// The full metric set of a quarter. The queries run two at a time on their own connections: each one is
    /// already parallel inside DuckDB, but many are small, and a second stream keeps both cores busy.
    /// </summary>
    public Task<QuarterlyMetrics> QuarterAsync(Quarter quarter, string? team, CancellationToken cancellationToken) =>
        QuarterAsync(quarter, team, quarter.End, cancellationToken);

    /// <summary>
    /// The metric set of a quarter's first days only, from its start up to <paramref name="until"/> (exclusive): a
    /// quarter in progress, or the same span of an earlier quarter to compare it with. Rates divide by those days.
    /// </summary>
    public Task<QuarterlyMetrics> QuarterAsync(Quarter quarter, string? team, DateOnly until, CancellationToken cancellationToken) =>
        SetAsync(quarter, until < quarter.End ? new MetricsQuery(quarter.Start, until, PeriodGrain.Quarter, team) : MetricsQuery.ForQuarter(quarter, team), cancellationToken);

    /// <summary>
    /// The full metric set of the days [<paramref name="from"/>, <paramref name="to"/>) as one period (medians and
    /// rates over the whole range, surveys whose waves opened in it); <see cref="QuarterlyMetrics.Quarter"/> is the
    /// quarter it starts in and <see cref="QuarterlyMetrics.Range"/> the range.
    /// </summary>
    public Task<QuarterlyMetrics> RangeAsync(DateOnly from, DateOnly to, string? team, CancellationToken cancellationToken) =>
        SetAsync(Quarter.Of(from), new MetricsQuery(from, to, PeriodGrain.Range, team), cancellationToken);

    private async Task<QuarterlyMetrics> SetAsync(Quarter quarter, MetricsQuery query, CancellationToken cancellationToken)
    {
        var team = query.Team;
        using var gate = new SemaphoreSlim(2);
        Task<IReadOnlyList<T>> Run<T>(string metric) => GatedAsync<T>(gate, metric, query, cancellationToken);

        // Started slowest first, so that the long queries overlap the short ones.
        var failures = Run<ChangeFailureRate>("change_failure_rate");
        var recovery = Run<RecoveryTime>("recovery_time");
        var leadTime = Run<LeadTime>("lead_time");
        var stages = Run<LeadTimeStages>("lead_time_stages");
        var rework = Run<ReworkRate>("rework_rate");
        var onboarding = Run<TimeToFirstDeploy>("time_to_first_deploy");
        var frequency = Run<DeploymentFrequency>("deployment_frequency");
        var retention = Run<Retention>("retention");
        var devEx = Run<DevExScore>("devex_scores");
        var weekly = Run<WeeklyActivity>("weekly_active");
        var nps = Run<NpsResult>("nps");
        var support = Run<SupportLoad>("support_load");
        var participation = Run<ParticipatoryAdoption>("participatory_adoption");
        var responses = Run<ResponseRate>("response_rate");
        var categories = Run<SupportCategory>("support_categories");
        var adoption = Run<PlatformAdoption>("adoption");
        var capabilities = Run<CapabilityAdoption>("capability_adoption");
        var thresholds = ThresholdsAsync(cancellationToken);
        var buckets = BucketsAsync(cancellationToken);
        var centres = ProfileCentresAsync(cancellationToken);
        await Task.WhenAll(failures, recovery, leadTime, stages, rework, onboarding, frequency, retention, devEx, weekly, nps, support,
            participation, responses, categories, adoption, capabilities, thresholds, buckets, centres);

        var levels = DoraLevelCalculator.Levels(thresholds.Result, frequency.Result, leadTime.Result, failures.Result, recovery.Result);
        var profiles = team is null
            ? DoraProfileAssigner.Assign(query.From, centres.Result, DoraProfileCandidates.From(levels, rework.Result, devEx.Result))
            : await TeamProfilesAsync(query, centres.Result, thresholds.Result, team, cancellationToken);

        return new QuarterlyMetrics(
            quarter,
            team,
            frequency.Result,
            leadTime.Result,
            failures.Result,
            recovery.Result,
            rework.Result,
            levels,
            stages.Result,
            nps.Result,
            devEx.Result,
            responses.Result,
            adoption.Result,
            capabilities.Result,
            weekly.Result,
            retention.Result,
            participation.Result,
            onboarding.Result,
            support.Result,
            categories.Result,
            query.Grain == PeriodGrain.Range ? query : null)
        {
            DoraBuckets = DoraBucketCalculator.Assign(buckets.Result, levels, rework.Result),
            UnconfirmedDoraBuckets = DoraBucketCalculator.Unconfirmed(buckets.Result),
            DoraProfiles = profiles,
        };
    }

    /// <summary>
    /// The DORA 2025 profiles of a quarter's teams. Profiles standardise every team against the others, so this
    /// always reads the whole organisation, even for one team's view.
    /// </summary>
    public async Task<DoraProfileSet> ProfilesAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        var centres = await ProfileCentresAsync(cancellationToken);
        return await OrganisationProfilesAsync(MetricsQuery.ForQuarter(quarter), centres, await ThresholdsAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The DORA buckets of the configured report year (none before 2025).</summary>
    public async Task<IReadOnlyList<DoraBucket>> BucketsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DoraBucket>(new CommandDefinition(
            SqlQueries.Get("metrics/dora_buckets"), new { report_year = _options.DoraReportYear }, cancellationToken: cancellationToken))).ToList();
    }

    private async Task<IReadOnlyList<DoraProfileCentre>> ProfileCentresAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DoraProfileCentre>(new CommandDefinition(
            SqlQueries.Get("metrics/dora_profile_centres"), new { report_year = _options.DoraReportYear }, cancellationToken: cancellationToken))).ToList();
    }

    private async Task<DoraProfileSet> TeamProfilesAsync(MetricsQuery query, IReadOnlyList<DoraProfileCentre> centres,
        IReadOnlyList<DoraThreshold> thresholds, string team, CancellationToken cancellationToken)
    {
        var set = await OrganisationProfilesAsync(query with { Team = null }, centres, thresholds, cancellationToken);
        return set with { Teams = set.Teams.Where(p => p.TeamId == team).ToList() };
    }

    private async Task<DoraProfileSet> OrganisationProfilesAsync(MetricsQuery query, IReadOnlyList<DoraProfileCentre> centres,
        IReadOnlyList<DoraThreshold> thresholds, CancellationToken cancellationToken)
    {
        if (centres.Count == 0)
        {
            return DoraProfileAssigner.Assign(query.From, centres, []);
        }

        using var gate = new SemaphoreSlim(2);
        Task<IReadOnlyList<T>> Run<T>(string metric) => GatedAsync<T>(gate, metric, query, cancellationToken);
        var failures = Run<ChangeFailureRate>("change_failure_rate");
        var recovery = Run<RecoveryTime>("recovery_time");
        var leadTime = Run<LeadTime>("lead_time");
        var rework = Run<ReworkRate>("rework_rate");
        var frequency = Run<DeploymentFrequency>("deployment_frequency");
        var devEx = Run<DevExScore>("devex_scores");
        await Task.WhenAll(failures, recovery, leadTime, rework, frequency, devEx);
        var levels = DoraLevelCalculator.Levels(thresholds, frequency.Result, leadTime.Result, failures.Result, recovery.Result);
        return DoraProfileAssigner.Assign(query.From, centres, DoraProfileCandidates.From(levels, rework.Result, devEx.Result));
    }

    /// <summary>Runs one metric query (a file of <c>queries/metrics/</c>) for any range and grain.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string metric, MetricsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await RunAsync<T>(connection, metric, query, cancellationToken);
    }

    /// <summary>The DORA bands of the configured report year.</summary>
    public async Task<IReadOnlyList<DoraThreshold>> ThresholdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ThresholdsAsync(connection, cancellationToken);
    }

    private async Task<IReadOnlyList<DoraThreshold>> ThresholdsAsync(PulseConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<DoraThreshold>(new CommandDefinition(
            SqlQueries.Get("metrics/dora_thresholds"), new { report_year = _options.DoraReportYear }, cancellationToken: cancellationToken))).ToList();

    private async Task<IReadOnlyList<T>> GatedAsync<T>(SemaphoreSlim gate, string metric, MetricsQuery query, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The query itself blocks (DuckDB's API is synchronous), so it runs off the caller's thread.
            return await Task.Run(() => QueryAsync<T>(metric, query, cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<T>> RunAsync<T>(PulseConnection connection, string metric, MetricsQuery query, CancellationToken cancellationToken)
    {
        // Every metric query takes the same parameters; each binds those it names.
        var parameters = new
        {
            from = query.From,
            to = query.To,
            grain = query.Grain.ToString().ToLowerInvariant(),
            tz = _options.TimeZone,
            team = query.Team,
            k = _options.MinimumGroupSize,
            remediation_hours = _options.RemediationWindowHours,
            infer_links = _options.InferIncidentLinks,
            inference_hours = _options.InferenceWindowHours,
        };
        var rows = await connection.QueryAsync<T>(new CommandDefinition(SqlQueries.Get($"metrics/{metric}"), parameters, cancellationToken: cancellationToken));

        // In a team run the rolled-up "organisation" row holds only that team's figures, which its team row already
        // shows under the right label; keeping it would present the team as the organisation.
        return query.Team is not null && GroupLevel<T>.Of is { } level
            ? rows.Where(row => level(row) != "organisation").ToList()
            : rows.ToList();
    }

    /// <summary>Reads a result row's <c>Level</c> (organisation, team, service), for the result types that have one.</summary>
    private static class GroupLevel<T>
    {
        public static readonly Func<T, string?>? Of = typeof(T).GetProperty("Level") is { PropertyType: var type } property && type == typeof(string)
            ? row => (string?)property.GetValue(row)
            : null;
    }

    private static Task<string?> AnyTeamAsync(PulseConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(SqlQueries.Get("metrics/first_team"), cancellationToken: cancellationToken));
}
