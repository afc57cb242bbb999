using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.DoraProfiles;
using Analytics.Core.Metrics.Sentiment;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// Profile assignment on hand-computed fixtures: three teams whose every construct is 1, 2, 3 steps apart (after the
/// logarithms for throughput) have standard scores −√1.5, 0, +√1.5 (population standard deviation √(2/3)).
/// </summary>
public sealed class DoraProfileAssignerTests
{
    private static readonly DateOnly Q3 = new(2026, 7, 1);
    private static readonly double Z = Math.Sqrt(1.5);

    // The centres of migration 0019, as hand-written data: the test does not read them back from the code under test.
    private static readonly IReadOnlyList<DoraProfileCentre> Centres =
    [
        new("foundational_challenges", 1, "Foundational challenges", -1.0, 1.0, -1.0, -1.0, -1.0, -1.0, 1.0, 1.0),
        new("legacy_bottleneck", 2, "The legacy bottleneck", -0.5, 1.0, -0.5, -1.0, -0.5, -0.5, 0.5, 1.0),
        new("constrained_by_process", 3, "Constrained by process", -0.5, -0.5, -0.5, 0.0, -0.5, -1.0, 1.0, 1.0),
        new("high_impact_low_cadence", 4, "High impact, low cadence", -1.0, 1.0, 0.5, 1.0, 0.5, 0.5, 0.0, 0.0),
        new("stable_and_methodical", 5, "Stable and methodical", -0.5, -1.0, 0.5, 0.5, 0.5, 0.5, -0.5, -0.5),
        new("pragmatic_performers", 6, "Pragmatic performers", 1.0, -0.5, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0),
        new("harmonious_high_achievers", 7, "Harmonious high-achievers", 1.0, -1.0, 1.0, 1.0, 1.0, 1.0, -1.0, -1.0),
    ];

    // Good: e² deploys a day, 1-hour lead time and recovery, 10% failures and rework, 4 on the good constructs, 2 on
    // friction and burnout. Middle is one step worse everywhere, poor two.
    private static DoraProfileCandidate Team(string id, int step, string? reason = null) => new(
        id,
        Math.Exp(2 - step),
        Math.Exp(step),
        Math.Exp(step),
        0.1 * (step + 1),
        0.1 * (step + 1),
        reason is null ? [4 - step, 4 - step, 4 - step, 4 - step, 2 + step, 2 + step] : null,
        reason);

    [Fact]
    public void Standard_scores_use_the_population_deviation_and_are_zero_when_all_values_are_equal()
    {
        Assert.Equal([-Z, 0, Z], DoraProfileAssigner.Standardise([1, 2, 3]).Select(v => v!.Value), new Tolerance());
        Assert.Equal([0.0, 0.0], DoraProfileAssigner.Standardise([4, 4]).Select(v => v!.Value));
        Assert.Equal([-1, null, 1], DoraProfileAssigner.Standardise([1, null, 3]).Select(v => v is { } x ? Math.Round(x, 9) : (double?)null));
    }

    [Fact]
    public void Three_teams_a_step_apart_land_on_the_best_the_middle_and_the_worst_profile()
    {
        var set = DoraProfileAssigner.Assign(Q3, Centres, [Team("good", 0), Team("middle", 1), Team("poor", 2)]);

        Assert.Null(set.Note);
        Assert.Equal(3, set.TeamsStandardised);
        var good = set.Teams.Single(t => t.TeamId == "good");
        Assert.Equal([Z, -Z, Z, Z, Z, Z, -Z, -Z], good.Scores!, new Tolerance());
        Assert.Equal("harmonious_high_achievers", good.Profile);

        // (√1.5 − 1) in each of 8 constructs: √8 × 0.2247.
        Assert.Equal(Math.Sqrt(8) * (Z - 1), good.Distance!.Value, 9);

        // At the origin the nearest centre is the one with the smallest norm: pragmatic performers, √2 away
        // (stable and methodical is √2.75, high impact √3.75).
        var middle = set.Teams.Single(t => t.TeamId == "middle");
        Assert.All(middle.Scores!, s => Assert.Equal(0, s, 9));
        Assert.Equal(("pragmatic_performers", Math.Sqrt(2)), (middle.Profile, Math.Round(middle.Distance!.Value, 9)), new ProfileTolerance());
        Assert.Equal("foundational_challenges", set.Teams.Single(t => t.TeamId == "poor").Profile);
    }

    [Fact]
    public void A_team_below_k_gets_no_profile_and_leaves_the_others_scores_as_they_were()
    {
        var without = DoraProfileAssigner.Assign(Q3, Centres, [Team("good", 0), Team("middle", 1), Team("poor", 2)]);
        var with = DoraProfileAssigner.Assign(Q3, Centres, [Team("good", 0), Team("middle", 1), Team("poor", 2), Team("small", 9, DoraProfileCandidates.BelowGroupSize)]);

        var small = with.Teams.Single(t => t.TeamId == "small");
        Assert.Equal((null, null, null, DoraProfileCandidates.BelowGroupSize), (small.Profile, small.Scores, small.Distance, small.Reason));
        Assert.Equal(3, with.TeamsStandardised);
        foreach (var team in without.Teams)
        {
            Assert.Equal(team.Scores!, with.Teams.Single(t => t.TeamId == team.TeamId).Scores!, new Tolerance());
        }
    }

    [Fact]
    public void A_team_without_survey_answers_gets_a_reason_not_an_error()
    {
        var set = DoraProfileAssigner.Assign(Q3, Centres, [Team("good", 0), Team("middle", 1), Team("poor", 2), Team("quiet", 1) with { Survey = null }]);
        var quiet = set.Teams.Single(t => t.TeamId == "quiet");
        Assert.Null(quiet.Profile);
        Assert.Equal(DoraProfileCandidates.NoAnswers, quiet.Reason);
    }

    [Fact]
    public void Two_teams_are_too_few_to_standardise_and_the_set_says_so()
    {
        var set = DoraProfileAssigner.Assign(Q3, Centres, [Team("good", 0), Team("poor", 2), Team("small", 1, DoraProfileCandidates.BelowGroupSize)]);

        Assert.Equal(0, set.TeamsStandardised);
        Assert.Equal("Only 2 team(s) have deployments and survey answers from enough people this quarter; profiles standardise teams against each other and need at least 3.", set.Note);
        Assert.All(set.Teams, t => Assert.Null(t.Profile));
        Assert.Equal("too few teams this quarter to standardise against", set.Teams.Single(t => t.TeamId == "good").Reason);
        Assert.Equal(DoraProfileCandidates.BelowGroupSize, set.Teams.Single(t => t.TeamId == "small").Reason);
    }

    [Fact]
    public void Candidates_weight_waves_by_respondents_and_tell_suppressed_from_missing_answers()
    {
        var level = (string team) => new DoraLevel(team, Q3, 1, 10, 0.1, 2, "elite", "elite", "high", "high", "high");
        DevExScore Score(string wave, string team, string dimension, long? n, double? mean) =>
            new(wave, wave, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), "team", team, dimension, null, n is null, n, mean, null);
        var scores = DoraProfileConstructs.SurveyDimensions
            .SelectMany(d => new[] { Score("w1", "shown", d, 5, 3), Score("w2", "shown", d, 15, 4), Score("w1", "hidden", d, null, null) })
            .ToList();

        var candidates = DoraProfileCandidates.From([level("shown"), level("hidden"), level("silent")], [], scores);

        // (5 × 3 + 15 × 4) ÷ 20 = 3.75 for every construct.
        Assert.All(candidates.Single(c => c.TeamId == "shown").Survey!, mean => Assert.Equal(3.75, mean, 9));
        Assert.Equal(DoraProfileCandidates.BelowGroupSize, candidates.Single(c => c.TeamId == "hidden").Reason);
        Assert.Null(candidates.Single(c => c.TeamId == "hidden").Survey);
        Assert.Equal(DoraProfileCandidates.NoAnswers, candidates.Single(c => c.TeamId == "silent").Reason);
    }

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }

    private sealed class ProfileTolerance : IEqualityComparer<(string?, double)>
    {
        public bool Equals((string?, double) x, (string?, double) y) => x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((string?, double) obj) => 0;
    }
}
