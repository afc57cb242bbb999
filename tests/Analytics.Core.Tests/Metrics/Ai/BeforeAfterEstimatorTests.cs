using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Ai;

namespace Analytics.Core.Tests.Metrics.Ai;

/// <summary>
/// The difference-in-differences estimate on hand-computed fixtures. Adopting teams a1, a2, a3 adopt in 2026-Q1, so
/// with a one-quarter window the before quarter is 2025-Q4 and the after quarter 2026-Q2; comparison teams c1, c2, c3
/// have not adopted.
/// </summary>
public sealed class BeforeAfterEstimatorTests
{
    private static readonly Quarter Before = new(2025, 4);
    private static readonly Quarter AdoptionQuarter = new(2026, 1);
    private static readonly Quarter After = new(2026, 2);

    private static readonly IReadOnlyList<TeamAdoption> Teams =
    [
        Adopted("a1"), Adopted("a2"), Adopted("a3"),
        new("c1", null, "none", TeamAdoption.NotAdopted), new("c2", null, "none", TeamAdoption.NotAdopted), new("c3", null, "none", TeamAdoption.NotAdopted),
    ];

    [Fact]
    public void A_synthetic_effect_of_known_size_is_found()
    {
        // Comparison teams change by +1, +2, +3 hours (mean +2); adopting teams by -8, -10, -12: effects -10, -12, -14.
        var values = Values(("a1", 50, 42), ("a2", 60, 50), ("a3", 70, 58), ("c1", 40, 41), ("c2", 50, 52), ("c3", 60, 63));

        var estimate = Estimate(values);

        Assert.Equal(-12, estimate.Estimate!.Value, 9);
        Assert.Equal([-10.0, -12.0, -14.0], estimate.Teams.Select(t => Math.Round(t.Effect, 9)));
        Assert.Equal((3, 3), (estimate.AdoptingTeams, estimate.ComparisonTeams));
        // Resampling can only combine effects of -9 to -15 (own change -8 to -12 less a control mean of +1 to +3).
        Assert.InRange(estimate.Low!.Value, -15, -12);
        Assert.InRange(estimate.High!.Value, -12, -9);
        Assert.StartsWith("12 hours lower than teams not using it yet (better", estimate.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_effect_gives_no_measurable_change()
    {
        // Comparison teams change by +2, 0, +1 (mean +1); adopting teams by +1, +3, -1: effects 0, +2, -2, mean 0.
        var values = Values(("a1", 50, 51), ("a2", 60, 63), ("a3", 70, 69), ("c1", 40, 42), ("c2", 50, 50), ("c3", 60, 61));

        var estimate = Estimate(values);

        Assert.Equal(0, estimate.Estimate!.Value, 9);
        Assert.True(estimate.Low < 0 && estimate.High > 0);
        Assert.Equal("no measurable change", estimate.Verdict);
    }

    [Fact]
    public void A_team_whose_adoption_date_is_in_the_future_is_compared_with_not_treated()
    {
        var teams = new List<TeamAdoption>(Teams) { new("later", new DateOnly(2027, 1, 1), "configured", TeamAdoption.Future) };
        var values = Values(("a1", 50, 42), ("a2", 60, 50), ("a3", 70, 58), ("c1", 40, 41), ("c2", 50, 52), ("c3", 60, 63), ("later", 30, 32));

        var estimate = BeforeAfterEstimator.Estimate(DoraMeasure.LeadTime, teams, values, After, 1, 500, 15);

        Assert.Null(teams[^1].AdoptedIn);
        Assert.Equal(4, estimate.ComparisonTeams);
        Assert.DoesNotContain(estimate.Teams, t => t.TeamId == "later");
        Assert.All(estimate.Teams, t => Assert.Equal(4, t.Controls));
    }

    [Fact]
    public void Quarters_not_yet_ended_are_left_out_and_a_team_without_after_quarters_is_not_estimated()
    {
        var values = Values(("a1", 50, 42), ("a2", 60, 50), ("a3", 70, 58), ("c1", 40, 41), ("c2", 50, 52), ("c3", 60, 63));

        var estimate = BeforeAfterEstimator.Estimate(DoraMeasure.LeadTime, Teams, values, AdoptionQuarter, 1, 500, 15);

        Assert.Null(estimate.Estimate);
        Assert.StartsWith("not enough data", estimate.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void One_adopting_team_gets_an_estimate_but_no_interval()
    {
        var values = Values(("a1", 50, 42), ("c1", 40, 41), ("c2", 50, 52));
        var teams = new List<TeamAdoption> { Adopted("a1"), new("c1", null, "none", TeamAdoption.NotAdopted), new("c2", null, "none", TeamAdoption.NotAdopted) };

        var estimate = BeforeAfterEstimator.Estimate(DoraMeasure.LeadTime, teams, values, After, 1, 500, 15);

        Assert.Equal(-9.5, estimate.Estimate!.Value, 9);
        Assert.Null(estimate.Low);
        Assert.StartsWith("too few teams to tell", estimate.Verdict, StringComparison.Ordinal);
    }

    private static BeforeAfterEstimate Estimate(IReadOnlyList<TeamQuarterValue> values) =>
        BeforeAfterEstimator.Estimate(DoraMeasure.LeadTime, Teams, values, After, 1, 2000, 15);

    private static TeamAdoption Adopted(string team) => new(team, AdoptionQuarter.Start.AddDays(20), "configured", TeamAdoption.Adopted);

    /// <summary>Each team's value before and after; the adoption quarter gets a wild value that must be ignored.</summary>
    private static List<TeamQuarterValue> Values(params (string Team, double Before, double After)[] teams) =>
        teams.SelectMany(t => new[]
        {
            new TeamQuarterValue(t.Team, Before, t.Before),
            new TeamQuarterValue(t.Team, AdoptionQuarter, 1000),
            new TeamQuarterValue(t.Team, After, t.After),
        }).ToList();
}
