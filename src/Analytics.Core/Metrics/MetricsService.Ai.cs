using Analytics.Core.Metrics.Ai;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Metrics;

/// <summary>The AI-assisted development metrics (queries <c>metrics/ai_*</c>).</summary>
public sealed partial class MetricsService
{
    /// <summary>How many quarters back a team's adoption is derived from and its DORA history read.</summary>
    private const int AiHistoryQuarters = 12;

    /// <summary>Assistant adoption (active ÷ licensed seats) per period, organisation and teams; teams under k seats suppressed.</summary>
    public Task<IReadOnlyList<AiAdoption>> AiAdoptionAsync(MetricsQuery query, CancellationToken cancellationToken) =>
        AiQueryAsync<AiAdoption>("ai_adoption", query, cancellationToken);

    /// <summary>Each assistant's organisation-wide usage per period.</summary>
    public Task<IReadOnlyList<AiUsage>> AiUsageAsync(MetricsQuery query, CancellationToken cancellationToken) =>
        AiQueryAsync<AiUsage>("ai_usage", query, cancellationToken);

    /// <summary>Suggestions and acceptances per period by editor and language; breakdowns under k engaged users suppressed.</summary>
    public Task<IReadOnlyList<AiUsageByEditor>> AiUsageByEditorAsync(MetricsQuery query, CancellationToken cancellationToken) =>
        AiQueryAsync<AiUsageByEditor>("ai_usage_by_editor", query, cancellationToken);

    /// <summary>The share of AI-assisted changes, and their lead time and failure rate against other changes.</summary>
    public Task<IReadOnlyList<AiAssistedDelivery>> AiAssistedDeliveryAsync(MetricsQuery query, CancellationToken cancellationToken) =>
        AiQueryAsync<AiAssistedDelivery>("ai_assisted_changes", query, cancellationToken);

    /// <summary>The AI assistant survey items (time saved per week, trust) of waves opening in the query's range.</summary>
    public Task<IReadOnlyList<AiSurveyResult>> AiSurveyAsync(MetricsQuery query, CancellationToken cancellationToken) =>
        AiQueryAsync<AiSurveyResult>("ai_survey", query, cancellationToken);

    /// <summary>
    /// Each team's adoption as of <paramref name="today"/>: the configured date, else the first quarter whose active ÷
    /// licensed seats reached the threshold (teams under k seats are never derived, their share being withheld).
    /// </summary>
    public async Task<IReadOnlyList<TeamAdoption>> AiTeamAdoptionAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var settings = _options.AiAssisted;
        var lastComplete = Quarter.Of(today).Previous;
        var history = HistoryQuery(lastComplete);
        var derived = (await AiAdoptionAsync(history, cancellationToken))
            .Where(a => a.Level == "team" && a.TeamId is not null && a.ActiveShare >= settings.AdoptionThreshold)
            .GroupBy(a => a.TeamId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(a => a.PeriodStart), StringComparer.Ordinal);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var teams = await connection.QueryAsync<string>(new CommandDefinition(SqlQueries.Get("metrics/ai_teams"), cancellationToken: cancellationToken));
        return teams.Select(team => settings.AdoptionDates.TryGetValue(team, out var configured)
                ? new TeamAdoption(team, configured, "configured", configured > today ? TeamAdoption.Future : TeamAdoption.Adopted)
                : derived.TryGetValue(team, out var quarterStart)
                    ? new TeamAdoption(team, quarterStart, "derived", TeamAdoption.Adopted)
                    : new TeamAdoption(team, null, "none", TeamAdoption.NotAdopted))
            .ToList();
    }

    /// <summary>
    /// Lead time, change failure rate, deployment frequency and recovery time of adopting teams in the quarters before
    /// and after adoption, against teams not adopted yet (see <see cref="BeforeAfterEstimator"/>); quarters up to the
    /// last one ended before <paramref name="today"/>.
    /// </summary>
    public async Task<AiBeforeAfter> AiBeforeAfterAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var settings = _options.AiAssisted;
        var lastComplete = Quarter.Of(today).Previous;
        var history = HistoryQuery(lastComplete);
        var teams = await AiTeamAdoptionAsync(today, cancellationToken);
        static Quarter Of(DateOnly start) => Quarter.Of(start);
        var leadTime = (await QueryAsync<LeadTime>("lead_time", history, cancellationToken))
            .Where(r => r.Level == "team" && r.MedianHours is not null).Select(r => new TeamQuarterValue(r.TeamId!, Of(r.PeriodStart), r.MedianHours!.Value));
        var failures = (await QueryAsync<ChangeFailureRate>("change_failure_rate", history, cancellationToken))
            .Where(r => r.Level == "team" && r.TeamId is not null && r.Rate is not null).Select(r => new TeamQuarterValue(r.TeamId!, Of(r.PeriodStart), r.Rate!.Value));
        var frequency = (await QueryAsync<DeploymentFrequency>("deployment_frequency", history, cancellationToken))
            .Where(r => r.Level == "team" && r.Days > 0).Select(r => new TeamQuarterValue(r.TeamId!, Of(r.PeriodStart), r.Deployments * 7.0 / r.Days));
        var recovery = (await QueryAsync<RecoveryTime>("recovery_time", history, cancellationToken))
            .Where(r => r.Level == "team" && r.TeamId is not null && r.MedianHours is not null).Select(r => new TeamQuarterValue(r.TeamId!, Of(r.PeriodStart), r.MedianHours!.Value));
        var series = new Dictionary<DoraMeasure, IReadOnlyList<TeamQuarterValue>>
        {
            [DoraMeasure.LeadTime] = leadTime.ToList(),
            [DoraMeasure.ChangeFailureRate] = failures.ToList(),
            [DoraMeasure.DeploymentFrequency] = frequency.ToList(),
            [DoraMeasure.RecoveryTime] = recovery.ToList(),
        };
        var estimates = DoraMeasure.All
            .Select(m => BeforeAfterEstimator.Estimate(m, teams, series[m], lastComplete, settings.WindowQuarters, settings.BootstrapSamples, settings.BootstrapSeed))
            .ToList();
        return new AiBeforeAfter(lastComplete, settings.WindowQuarters, teams, estimates);
    }

    private static MetricsQuery HistoryQuery(Quarter lastComplete) =>
        new(BeforeAfterEstimator.Shift(lastComplete, -(AiHistoryQuarters - 1)).Start, lastComplete.End, PeriodGrain.Quarter, null);

    private async Task<IReadOnlyList<T>> AiQueryAsync<T>(string metric, MetricsQuery query, CancellationToken cancellationToken)
    {
        var rule = _options.AiAssisted;
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
            trailer_patterns = new ListParameter(rule.CaseInsensitivePatterns()),
            labels = new ListParameter(rule.LabelNames()),
            agents = new ListParameter(rule.AgentNames()),
        };
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(SqlQueries.Get($"metrics/{metric}"), parameters, cancellationToken: cancellationToken));
        return query.Team is not null && GroupLevel<T>.Of is { } level
            ? rows.Where(row => level(row) != "organisation").ToList()
            : rows.ToList();
    }
}
