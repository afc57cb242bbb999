using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// Lead-time stages when a pull request's moments come out of order (docs/metrics.md, "Lead-time stages"): each
/// moment is taken no later than the ones after it and no earlier than the ones before it, so no stage is negative
/// and the four add up to the change's lead time.
/// </summary>
public sealed class LeadTimeStagesTests : IDisposable
{
    private const string Deployed = "2026-08-01T10:00:00Z";
    private readonly MetricsFixture _fixture = new();
    private readonly string _deployment;

    public LeadTimeStagesTests()
    {
        _fixture.Team("pay").Service("api", "pay");
        _deployment = _fixture.Deploy("api", Deployed);
    }

    [Theory]
    [InlineData("in order", "2026-07-31T00:00:00Z", "2026-07-31T01:00:00Z", "2026-07-31T02:00:00Z", "2026-07-31T03:00:00Z", 1, 1, 1, 31)]
    [InlineData("commits after it opened: nothing to pick up before the first commit", "2026-07-31T04:00:00Z", "2026-07-31T02:00:00Z", "2026-07-31T06:00:00Z", "2026-07-31T08:00:00Z", 0, 2, 2, 26)]
    [InlineData("reviewed before it was opened: picked up at once", "2026-07-31T00:00:00Z", "2026-07-31T02:00:00Z", "2026-07-31T01:00:00Z", "2026-07-31T03:00:00Z", 1, 0, 2, 31)]
    [InlineData("first review after the merge: nothing waited for it", "2026-07-31T00:00:00Z", "2026-07-31T01:00:00Z", "2026-07-31T05:00:00Z", "2026-07-31T03:00:00Z", 1, 2, 0, 31)]
    [InlineData("merged after the deployment that shipped it", "2026-07-31T00:00:00Z", "2026-07-31T01:00:00Z", "2026-07-31T02:00:00Z", "2026-08-01T12:00:00Z", 1, 1, 32, 0)]
    public async Task Stages_are_never_negative_and_add_up_to_the_lead_time(string order, string firstCommit, string opened, string firstReview, string merged,
        double coding, double pickup, double review, double deploy)
    {
        _fixture.PullRequest("api", _deployment, Deployed, firstCommit, opened, firstReview, merged);
        var stages = await OrganisationAsync();
        Assert.True((coding, pickup, review, deploy) == (stages.CodingHours, stages.PickupHours, stages.ReviewHours, stages.DeployHours),
            $"{order}: expected {(coding, pickup, review, deploy)}, got {(stages.CodingHours, stages.PickupHours, stages.ReviewHours, stages.DeployHours)}");
    }

    [Fact]
    public async Task A_change_first_committed_after_its_deployment_is_left_out_as_lead_time_leaves_it_out()
    {
        _fixture.PullRequest("api", _deployment, Deployed, "2026-07-31T00:00:00Z", "2026-07-31T01:00:00Z", "2026-07-31T02:00:00Z", "2026-07-31T03:00:00Z");
        _fixture.PullRequest("api", _deployment, Deployed, "2026-08-01T11:00:00Z", "2026-07-31T01:00:00Z", "2026-07-31T02:00:00Z", "2026-07-31T03:00:00Z");
        var stages = await OrganisationAsync();
        Assert.Equal((1L, 1.0, 1.0, 1.0, 31.0), (stages.Changes, stages.CodingHours, stages.PickupHours, stages.ReviewHours, stages.DeployHours));
    }

    [Fact]
    public async Task A_missing_review_leaves_pickup_and_review_out_and_keeps_the_other_stages()
    {
        _fixture.PullRequest("api", _deployment, Deployed, "2026-07-31T02:00:00Z", "2026-07-31T01:00:00Z", null, "2026-07-31T03:00:00Z");
        var stages = await OrganisationAsync();
        Assert.Equal((0.0, null, null, 31.0), (stages.CodingHours, stages.PickupHours, stages.ReviewHours, stages.DeployHours));
    }

    private async Task<LeadTimeStages> OrganisationAsync() =>
        (await _fixture.Metrics.QueryAsync<LeadTimeStages>("lead_time_stages", MetricsQuery.ForQuarter(new Quarter(2026, 3)), CancellationToken.None))
            .Single(s => s.Level == "organisation");

    public void Dispose() => _fixture.Dispose();
}
