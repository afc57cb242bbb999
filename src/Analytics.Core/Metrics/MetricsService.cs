using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Metrics.Support;
using Analytics.Core.Storage;
using Analytics.DuckDb;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Metrics;

/// <summary>
/// Every metric Pulse shows, each computed by one query of <c>queries/metrics/</c>; the web app, the command line
/// and the reports all ask this service.
/// </summary>
public sealed class MetricsService
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

    /// <summary>Checks that a team exists; throws <see cref="ArgumentException"/> naming it when it does not.</summary>
    public async Task EnsureTeamExistsAsync(string team, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlQueries.Get("metrics/team_exists"), new { team }, cancellationToken: cancellationToken)))
        {
            throw new ArgumentException($"There is no team '{team}'. Team ids are the catalog's group names, such as '{await AnyTeamAsync(connection, cancellationToken)}'.");
        }
    }

    /// <summary>The full metric set of a quarter, all queries on one connection.</summary>
    public async Task<QuarterlyMetrics> QuarterAsync(Quarter quarter, string? team, CancellationToken cancellationToken)
    {
        var query = MetricsQuery.ForQuarter(quarter, team);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var frequency = await RunAsync<DeploymentFrequency>(connection, "deployment_frequency", query, cancellationToken);
        var leadTime = await RunAsync<LeadTime>(connection, "lead_time", query, cancellationToken);
        var failures = await RunAsync<ChangeFailureRate>(connection, "change_failure_rate", query, cancellationToken);
        var recovery = await RunAsync<RecoveryTime>(connection, "recovery_time", query, cancellationToken);
        var thresholds = await ThresholdsAsync(connection, cancellationToken);
        return new QuarterlyMetrics(
            quarter,
            team,
            frequency,
            leadTime,
            failures,
            recovery,
            await RunAsync<ReworkRate>(connection, "rework_rate", query, cancellationToken),
            DoraLevelCalculator.Levels(thresholds, frequency, leadTime, failures, recovery),
            await RunAsync<LeadTimeStages>(connection, "lead_time_stages", query, cancellationToken),
            await RunAsync<NpsResult>(connection, "nps", query, cancellationToken),
            await RunAsync<DevExScore>(connection, "devex_scores", query, cancellationToken),
            await RunAsync<ResponseRate>(connection, "response_rate", query, cancellationToken),
            await RunAsync<PlatformAdoption>(connection, "adoption", query, cancellationToken),
            await RunAsync<CapabilityAdoption>(connection, "capability_adoption", query, cancellationToken),
            await RunAsync<WeeklyActivity>(connection, "weekly_active", query, cancellationToken),
            await RunAsync<Retention>(connection, "retention", query, cancellationToken),
            await RunAsync<ParticipatoryAdoption>(connection, "participatory_adoption", query, cancellationToken),
            await RunAsync<TimeToFirstDeploy>(connection, "time_to_first_deploy", query, cancellationToken),
            await RunAsync<SupportLoad>(connection, "support_load", query, cancellationToken),
            await RunAsync<SupportCategory>(connection, "support_categories", query, cancellationToken));
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

    private async Task<IReadOnlyList<DoraThreshold>> ThresholdsAsync(DuckDbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<DoraThreshold>(new CommandDefinition(
            SqlQueries.Get("metrics/dora_thresholds"), new { report_year = _options.DoraReportYear }, cancellationToken: cancellationToken))).ToList();

    private async Task<IReadOnlyList<T>> RunAsync<T>(DuckDbConnection connection, string metric, MetricsQuery query, CancellationToken cancellationToken)
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
            as_of = query.To,
        };
        var rows = await connection.QueryAsync<T>(new CommandDefinition(SqlQueries.Get($"metrics/{metric}"), parameters, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static Task<string?> AnyTeamAsync(DuckDbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(SqlQueries.Get("metrics/first_team"), cancellationToken: cancellationToken));
}
