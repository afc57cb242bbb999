using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Sentiment;

namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>Builds each team's profile inputs from a quarter's DORA figures and (already suppressed) DevEx scores.</summary>
public static class DoraProfileCandidates
{
    /// <summary>The reason given to a team whose profile answers are suppressed.</summary>
    public const string BelowGroupSize = "fewer than k people answered the profile items (or the team is hidden to protect a smaller one)";

    /// <summary>The reason given to a team without answers to the profile items.</summary>
    public const string NoAnswers = "no survey answers on the profile items this quarter";

    /// <summary>
    /// One candidate per team with a DORA row or a survey row. Survey means are the respondent-weighted mean of the
    /// quarter's waves that were not suppressed; a team with any suppressed profile row and no shown one is below k,
    /// and nothing of it reaches the standardisation.
    /// </summary>
    public static IReadOnlyList<DoraProfileCandidate> From(IReadOnlyList<DoraLevel> levels, IReadOnlyList<ReworkRate> rework, IReadOnlyList<DevExScore> devEx)
    {
        var survey = devEx.Where(s => s.Level == "team" && s.TeamId is not null && s.Item is null && DoraProfileConstructs.SurveyDimensions.Contains(s.Dimension)).ToList();
        var teams = levels.Where(l => l.TeamId is not null).Select(l => l.TeamId!)
            .Concat(survey.Select(s => s.TeamId!))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return teams.Select(team =>
        {
            var level = levels.FirstOrDefault(l => l.TeamId == team);
            var reworked = rework.FirstOrDefault(r => r.Level == "team" && r.TeamId == team);
            var means = SurveyMeans(survey.Where(s => s.TeamId == team).ToList(), out var reason);
            if (reason is null && (level is null || level.ChangeFailureRate is null))
            {
                reason = "no production deployments this quarter";
            }

            return new DoraProfileCandidate(team, level?.DeploysPerDay ?? 0, level?.LeadTimeHours, level?.RecoveryHours, level?.ChangeFailureRate,
                reworked is { Deployments: > 0 } ? reworked.Rate : null, reason is null ? means : null, reason);
        }).ToList();
    }

    private static List<double>? SurveyMeans(IReadOnlyList<DevExScore> rows, out string? reason)
    {
        var means = new List<double>();
        foreach (var dimension in DoraProfileConstructs.SurveyDimensions)
        {
            var shown = rows.Where(r => r.Dimension == dimension && !r.Suppressed && r.Mean is not null && r.Respondents > 0).ToList();
            if (shown.Count == 0)
            {
                reason = rows.Any(r => r.Suppressed) ? BelowGroupSize : NoAnswers;
                return null;
            }

            means.Add(shown.Sum(r => r.Mean!.Value * r.Respondents!.Value) / shown.Sum(r => r.Respondents!.Value));
        }

        reason = null;
        return means;
    }
}
