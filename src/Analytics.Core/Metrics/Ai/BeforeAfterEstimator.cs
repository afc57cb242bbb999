using System.Globalization;

namespace Analytics.Core.Metrics.Ai;

/// <summary>
/// Difference in differences with staggered adoption. For each adopting team, adopted in quarter A: its change is the
/// mean of its values in the <c>window</c> quarters after A less the mean in the <c>window</c> quarters before A (A
/// itself is left out, being part before and part after; only quarters that have ended count). The comparison teams
/// are those not adopted by the end of that after-window (never, later, or with a date still to come); their change
/// over the same quarters is averaged, and the team's effect is its change less theirs. The estimate is the mean
/// effect over adopting teams. The 95% interval is a percentile bootstrap that resamples adopting teams and, for
/// each, its comparison teams, with a fixed seed; it needs at least two adopting and two comparison teams.
/// </summary>
public static class BeforeAfterEstimator
{
    /// <summary>Estimates the effect of adoption on one measure.</summary>
    public static BeforeAfterEstimate Estimate(DoraMeasure measure, IReadOnlyList<TeamAdoption> teams, IReadOnlyList<TeamQuarterValue> values,
        Quarter lastComplete, int window, int samples, int seed)
    {
        var byTeam = values.GroupBy(v => v.TeamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.Quarter, v => v.Value), StringComparer.Ordinal);
        var effects = new List<TeamEffect>();
        var controlChanges = new List<double[]>();
        var comparison = new HashSet<string>(StringComparer.Ordinal);
        foreach (var team in teams.Where(t => t.AdoptedIn is not null).OrderBy(t => t.TeamId, StringComparer.Ordinal))
        {
            var adopted = team.AdoptedIn!.Value;
            var before = Enumerable.Range(1, window).Select(i => Shift(adopted, -i)).ToList();
            var after = Enumerable.Range(1, window).Select(i => Shift(adopted, i)).Where(q => q.End <= lastComplete.End).ToList();
            if (after.Count == 0 || Change(byTeam.GetValueOrDefault(team.TeamId), before, after) is not { } own)
            {
                continue;
            }

            var lastAfter = after[^1];
            var controls = teams
                .Where(c => c.TeamId != team.TeamId && (c.AdoptedIn is not { } q || q.Start > lastAfter.Start))
                .Select(c => (c.TeamId, Change: Change(byTeam.GetValueOrDefault(c.TeamId), before, after)))
                .Where(c => c.Change is not null)
                .ToList();
            if (controls.Count == 0)
            {
                continue;
            }

            var changes = controls.Select(c => c.Change!.Value.After - c.Change.Value.Before).ToArray();
            comparison.UnionWith(controls.Select(c => c.TeamId));
            controlChanges.Add(changes);
            effects.Add(new TeamEffect(team.TeamId, adopted, own.Before, own.After, changes.Average(), own.After - own.Before - changes.Average(), changes.Length));
        }

        if (effects.Count == 0)
        {
            return new BeforeAfterEstimate(measure, 0, 0, null, null, null, "not enough data: no adopting team has quarters on both sides and a team to compare with", effects);
        }

        var estimate = effects.Average(e => e.Effect);
        if (effects.Count < 2 || comparison.Count < 2)
        {
            return new BeforeAfterEstimate(measure, effects.Count, comparison.Count, estimate, null, null,
                "too few teams to tell: an interval needs at least two adopting and two comparison teams", effects);
        }

        var (low, high) = Interval(effects, controlChanges, samples, seed);
        return new BeforeAfterEstimate(measure, effects.Count, comparison.Count, estimate, low, high, Verdict(measure, estimate, low, high), effects);
    }

    /// <summary>The quarter <paramref name="by"/> quarters after (negative: before) <paramref name="quarter"/>.</summary>
    public static Quarter Shift(Quarter quarter, int by) => Quarter.Of(quarter.Start.AddMonths(3 * by));

    private static (double Before, double After)? Change(Dictionary<Quarter, double>? values, List<Quarter> before, List<Quarter> after)
    {
        if (values is null)
        {
            return null;
        }

        var b = before.Where(values.ContainsKey).Select(q => values[q]).ToList();
        var a = after.Where(values.ContainsKey).Select(q => values[q]).ToList();
        return b.Count > 0 && a.Count > 0 ? (b.Average(), a.Average()) : null;
    }

    private static (double Low, double High) Interval(List<TeamEffect> effects, List<double[]> controlChanges, int samples, int seed)
    {
        var random = new Random(seed);
        var estimates = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            var sum = 0.0;
            for (var t = 0; t < effects.Count; t++)
            {
                var pick = random.Next(effects.Count);
                var controls = controlChanges[pick];
                var control = 0.0;
                for (var c = 0; c < controls.Length; c++)
                {
                    control += controls[random.Next(controls.Length)];
                }

                sum += effects[pick].After - effects[pick].Before - (control / controls.Length);
            }

            estimates[s] = sum / effects.Count;
        }

        Array.Sort(estimates);
        return (estimates[(int)Math.Floor(0.025 * (samples - 1))], estimates[(int)Math.Ceiling(0.975 * (samples - 1))]);
    }

    private static string Verdict(DoraMeasure measure, double estimate, double low, double high)
    {
        if (low <= 0 && high >= 0)
        {
            return "no measurable change";
        }

        var better = estimate < 0 == measure.LowerIsBetter;
        var direction = estimate < 0 ? "lower" : "higher";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Amount(measure, Math.Abs(estimate))} {direction} than teams not using it yet ({(better ? "better" : "worse")}; 95% interval {Amount(measure, low)} to {Amount(measure, high)})");
    }

    private static string Amount(DoraMeasure measure, double value) => measure.Unit switch
    {
        "share" => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#} percentage points"),
        "per week" => string.Create(CultureInfo.InvariantCulture, $"{value:0.##} deployments a week"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} hours"),
    };
}
