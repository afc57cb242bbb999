using Analytics.Core.Metrics;
using Analytics.Core.Seeding;

namespace Analytics.Core.Tests.Metrics.Core4;

/// <summary>The seeded organisation gives Core 4 something to classify: some work items by rule, many left to the model.</summary>
public sealed class SeededCore4Tests
{
    [Fact]
    public async Task Seeded_work_items_are_partly_rule_matched_and_the_model_classifies_the_rest()
    {
        using var fixture = new MetricsFixture();
        using (var connection = fixture.Database.Open())
        {
            new SyntheticOrgGenerator(new SeedOptions(60, 180, 3, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        }

        var core4 = await fixture.Metrics.Core4Async(new Quarter(2026, 3), null, CancellationToken.None);

        Assert.True(core4.Model.Used, core4.Model.Reason);
        Assert.True(core4.Model.MacroAccuracy >= 0.7);
        var organisation = core4.Impact.Single(r => r.Level == "organisation" && r.PeriodStart == new DateOnly(2026, 7, 1));
        Assert.InRange(organisation.ModelClassified, 50, organisation.RuleClassified);
        Assert.Equal(0, organisation.Unclassified);
        Assert.All(core4.Panels, panel => Assert.NotNull(panel.Speed.Value));
    }
}
