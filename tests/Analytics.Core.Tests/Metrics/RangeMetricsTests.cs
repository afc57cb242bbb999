using Analytics.Core.Metrics;

namespace Analytics.Core.Tests.Metrics;

/// <summary>A date range's metric set is one period over the whole range, not the quarters' figures put together.</summary>
public sealed class RangeMetricsTests
{
    [Fact]
    public async Task A_range_across_two_quarters_counts_and_takes_medians_over_all_of_it()
    {
        using var fixture = Build();

        var range = await fixture.Metrics.RangeAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), null, CancellationToken.None);

        var frequency = range.DeploymentFrequency.Single(r => r.Level == "organisation");
        Assert.Equal((4L, 123L, new DateOnly(2026, 5, 1)), (frequency.Deployments, frequency.Days, frequency.PeriodStart));
        // Lead times 10, 20, 30 and 40 hours: the range's median is 25 h, though Q2's is 15 h and Q3's 35 h.
        Assert.Equal(25, range.LeadTime.Single(r => r.Level == "organisation").MedianHours!.Value, precision: 6);
        var onboarding = range.TimeToFirstDeploy.Single(r => r.Level == "organisation");
        Assert.Equal((new DateOnly(2026, 5, 1), 1L, 6.0), (onboarding.CohortStart, onboarding.Starters, onboarding.MedianDays!.Value));
        Assert.Equal(new MetricsQuery(new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), PeriodGrain.Range), range.Range);
    }

    [Fact]
    public async Task A_range_of_exactly_a_quarter_gives_the_quarter_s_figures()
    {
        using var fixture = Build();
        var q2 = new Quarter(2026, 2);

        var range = await fixture.Metrics.RangeAsync(q2.Start, q2.End, null, CancellationToken.None);
        var quarter = await fixture.Metrics.QuarterAsync(q2, null, CancellationToken.None);

        Assert.Equal(quarter.DeploymentFrequency.Select(r => (r.Level, r.TeamId, r.Deployments, r.Days)), range.DeploymentFrequency.Select(r => (r.Level, r.TeamId, r.Deployments, r.Days)));
        Assert.Equal(quarter.LeadTime.Select(r => (r.Level, r.TeamId, r.Changes, r.MedianHours)), range.LeadTime.Select(r => (r.Level, r.TeamId, r.Changes, r.MedianHours)));
        Assert.Equal(15, quarter.LeadTime.Single(r => r.Level == "organisation").MedianHours!.Value, precision: 6);
        Assert.Null(quarter.Range);
    }

    private static MetricsFixture Build()
    {
        var fixture = new MetricsFixture();
        fixture.Team("pay").Service("api", "pay").Engineer("e1", "pay", new DateOnly(2026, 5, 4));
        var hours = 10;
        foreach (var at in new[] { "2026-05-10T12:00:00Z", "2026-06-20T12:00:00Z", "2026-07-05T12:00:00Z", "2026-08-15T12:00:00Z" })
        {
            var deployment = fixture.Deploy("api", at, by: hours == 10 ? "e1" : null);
            fixture.Change("api", MetricsFixture.At(at).AddHours(-hours).ToString("O"), deployment, at);
            hours += 10;
        }

        return fixture;
    }
}
