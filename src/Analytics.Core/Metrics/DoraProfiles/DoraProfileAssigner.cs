namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>
/// Assigns each team the DORA profile whose centre is nearest to the team's standard scores (docs/metrics.md,
/// "DORA 2025 team profiles"): every construct is standardised across the quarter's profiled teams, z = (x − mean) ÷
/// population standard deviation, and the team gets the centre at the smallest Euclidean distance.
/// </summary>
public static class DoraProfileAssigner
{
    // Floors keep the logarithms finite: a quarter with a single deployment, a one-minute lead time.
    private const double SmallestDeploysPerDay = 1.0 / 365;
    private const double SmallestHours = 1.0 / 60;

    /// <summary>The profiles of a quarter's candidates; those with a reason keep it and take no part in the standardisation.</summary>
    public static DoraProfileSet Assign(DateOnly periodStart, IReadOnlyList<DoraProfileCentre> centres, IReadOnlyList<DoraProfileCandidate> candidates)
    {
        var excluded = candidates.Where(c => c.Reason is not null || c.Survey is null)
            .Select(c => new DoraProfile(c.TeamId, periodStart, null, null, null, null, c.Reason ?? DoraProfileCandidates.NoAnswers));
        var eligible = candidates.Where(c => c.Reason is null && c.Survey is not null).ToList();
        if (centres.Count == 0)
        {
            return new DoraProfileSet(periodStart, 0, "The configured DORA report year has no team profiles (they start with the 2025 report).", []);
        }

        if (eligible.Count < DoraProfileConstructs.MinimumTeams)
        {
            var note = $"Only {eligible.Count} team(s) have deployments and survey answers from enough people this quarter; profiles standardise teams against each other and need at least {DoraProfileConstructs.MinimumTeams}.";
            return new DoraProfileSet(periodStart, 0, note, eligible
                .Select(c => new DoraProfile(c.TeamId, periodStart, null, null, null, null, "too few teams this quarter to standardise against"))
                .Concat(excluded).OrderBy(p => p.TeamId, StringComparer.Ordinal).ToList());
        }

        var throughput = MeanOfAvailable(
            Standardise(eligible.Select(c => (double?)Math.Log(Math.Max(c.DeploysPerDay, SmallestDeploysPerDay))).ToList()),
            Standardise(eligible.Select(c => c.LeadTimeHours is { } h ? -Math.Log(Math.Max(h, SmallestHours)) : (double?)null).ToList()),
            Standardise(eligible.Select(c => c.RecoveryHours is { } h ? -Math.Log(Math.Max(h, SmallestHours)) : (double?)null).ToList()));
        var instability = MeanOfAvailable(
            Standardise(eligible.Select(c => c.ChangeFailureRate).ToList()),
            Standardise(eligible.Select(c => c.ReworkRate).ToList()));
        var columns = new List<IReadOnlyList<double?>> { Standardise(throughput), Standardise(instability) };
        for (var i = 0; i < DoraProfileConstructs.SurveyDimensions.Count; i++)
        {
            var construct = i;
            columns.Add(Standardise(eligible.Select(c => (double?)c.Survey![construct]).ToList()));
        }

        var profiled = eligible.Select((candidate, row) =>
        {
            var scores = columns.Select(column => column[row] ?? 0).ToList();
            var nearest = centres
                .Select(centre => (centre, distance: Distance(scores, centre.Vector())))
                .OrderBy(pair => pair.distance).ThenBy(pair => pair.centre.Rank)
                .First();
            return new DoraProfile(candidate.TeamId, periodStart, nearest.centre.Profile, nearest.centre.Name, nearest.distance, scores, null);
        });
        return new DoraProfileSet(periodStart, eligible.Count, null, profiled.Concat(excluded).OrderBy(p => p.TeamId, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Standard scores of the values present, (x − mean) ÷ population standard deviation; 0 for every value when
    /// they are all equal, null where a value is missing.
    /// </summary>
    public static IReadOnlyList<double?> Standardise(IReadOnlyList<double?> values)
    {
        var present = values.OfType<double>().ToList();
        if (present.Count == 0)
        {
            return values;
        }

        var mean = present.Average();
        var deviation = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Count);
        return values.Select(v => v is { } x ? (deviation > 1e-12 ? (x - mean) / deviation : 0) : (double?)null).ToList();
    }

    /// <summary>Euclidean distance between two vectors of the same length.</summary>
    public static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private static List<double?> MeanOfAvailable(params IReadOnlyList<double?>[] components) =>
        Enumerable.Range(0, components[0].Count)
            .Select(row => components.Select(c => c[row]).OfType<double>().ToList() is { Count: > 0 } present ? present.Average() : (double?)null)
            .ToList();
}
