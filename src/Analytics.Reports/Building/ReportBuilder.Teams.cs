using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Building;

/// <summary>The teams whose delivery moved most since last quarter, and the NPS of each wave over the history.</summary>
public sealed partial class ReportBuilder
{
    /// <summary>How many teams the "Teams that moved" section lists.</summary>
    public const int TeamsThatMoved = 8;

    /// <summary>
    /// Each listed team's largest relative change since last quarter among deployments per day, median lead time and
    /// median recovery time, largest first (ties by name). The change failure rate is left out: on a rate near zero a
    /// relative change says little. A change is an outlier beyond Tukey's fence over all teams' absolute changes.
    /// </summary>
    internal static List<QuarterlyReport.TeamMove> TeamMoves(IReadOnlyList<DoraLevel> now, IReadOnlyList<DoraLevel> before, Func<string?, bool> listed, Func<string?, string> name, int count)
    {
        var previous = before.Where(l => l.TeamId is not null).ToDictionary(l => l.TeamId!, StringComparer.Ordinal);
        var moves = new List<QuarterlyReport.TeamMove>();
        foreach (var level in now.Where(l => listed(l.TeamId)))
        {
            if (!previous.TryGetValue(level.TeamId!, out var last))
            {
                continue;
            }

            (string Metric, double? Now, double? Before, bool HigherIsBetter, string Format)[] figures =
            [
                ("Deployments per day", level.DeploysPerDay, last.DeploysPerDay, true, "0.00"),
                ("Median lead time (h)", level.LeadTimeHours, last.LeadTimeHours, false, "0"),
                ("Median recovery time (h)", level.RecoveryHours, last.RecoveryHours, false, "0.0"),
            ];
            var changes = figures.Where(f => f.Now is not null && f.Before is > 0)
                .Select(f => (Figure: f, Change: (f.Now!.Value - f.Before!.Value) / f.Before.Value)).ToList();
            if (changes.Count == 0 || changes.MaxBy(f => Math.Abs(f.Change)) is not { Change: not 0 } moved)
            {
                continue;
            }

            var (metric, value, was, higherIsBetter, format) = moved.Figure;
            moves.Add(new(name(level.TeamId), metric, was!.Value, value!.Value, moved.Change, (moved.Change > 0) == higherIsBetter ? "better" : "worse", format, false, level.Overall, last.Overall));
        }

        var fence = UpperFence(moves.Select(m => Math.Abs(m.Change)).ToList());
        return moves.OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.Team, StringComparer.Ordinal).Take(count)
            .Select(m => m with { Outlier = Math.Abs(m.Change) > fence }).ToList();
    }

    /// <summary>Tukey's upper fence: the upper quartile plus 1.5 interquartile ranges (infinite for fewer than four values).</summary>
    private static double UpperFence(List<double> values)
    {
        if (values.Count < 4)
        {
            return double.PositiveInfinity;
        }

        values.Sort();
        double Quantile(double q)
        {
            var position = q * (values.Count - 1);
            var below = (int)Math.Floor(position);
            return values[below] + ((values[Math.Min(below + 1, values.Count - 1)] - values[below]) * (position - below));
        }

        var (lower, upper) = (Quantile(0.25), Quantile(0.75));
        return upper + (1.5 * (upper - lower));
    }

    /// <summary>
    /// Platform NPS of each wave over the report's history, with its 95% margin as the band; null with fewer than two
    /// reportable waves (the sentence above the chart already gives the one).
    /// </summary>
    private static QuarterlyReport.Chart? NpsTrend(IReadOnlyList<NpsResult> waves, string level, string? team, int quarters)
    {
        var shown = waves.Where(n => n.Level == level && (team is null || n.TeamId == team) && !n.Suppressed && n.Nps is not null)
            .OrderBy(n => n.OpensAt).ToList();
        if (shown.Count < 2)
        {
            return null;
        }

        var points = shown.Select(n => new IntervalChart.Point(n.WaveName, n.Nps!.Value, n.Nps.Value - (n.MarginOfError ?? 0), n.Nps.Value + (n.MarginOfError ?? 0))).ToList();
        var description = $"Platform NPS of each survey wave over the last {quarters} quarters, with its 95% margin of error (adjusted Wald) shaded; waves with fewer respondents than the minimum group size are left out.";
        return new(new IntervalChart("Platform NPS by wave", description, "NPS", points, -100, 100, "95% margin"));
    }
}
