using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Core4;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Tests.Metrics.Core4;

/// <summary>DX Core 4 (docs/metrics.md, "DX Core 4"), each figure computed by hand from a small organisation.</summary>
public sealed class Core4MetricsTests
{
    private static readonly Quarter Q3 = new(2026, 3);

    [Fact]
    public async Task Merged_pull_requests_per_engineer_per_week_divide_by_the_days_each_engineer_was_employed()
    {
        using var fixture = new MetricsFixture().Team("pay");
        // Q3 has 92 days. "ann" is employed all of it; "bob" from 1 August (61 days): 153 engineer-days.
        fixture.Engineer("ann", "pay", new DateOnly(2025, 1, 1), null);
        fixture.Engineer("bob", "pay", new DateOnly(2026, 8, 1), null);
        fixture.MergedDaily("ann", new DateOnly(2026, 7, 1), 10);
        fixture.MergedDaily("bob", new DateOnly(2026, 8, 3), 3);
        fixture.Merged("ann", "2026-06-30T12:00:00Z");
        fixture.Merged("stranger", "2026-07-15T12:00:00Z");

        var core4 = await fixture.Metrics.Core4Async(Q3, null, CancellationToken.None);

        var pay = core4.PullRequestRates.Single(r => r.TeamId == "pay" && r.PeriodStart == Q3.Start);
        Assert.Equal((2L, 153L, 13L), (pay.Engineers, pay.EngineerDays, pay.MergedPullRequests));
        Assert.Equal(13 * 7 / 153.0, pay.PerEngineerPerWeek!.Value, 9);
        var organisation = core4.Panels.Single(p => p.Level == "organisation");
        Assert.Equal(13 * 7 / 153.0, organisation.Speed.Value!.Value, 9);
        // ann's June pull request is the previous quarter's: 1 over 91 days of Q2.
        Assert.Equal(7 / 91.0, organisation.Speed.Previous!.Value, 9);
        Assert.Equal(1, core4.PullRequestRates.Single(r => r.Level == "organisation" && r.PeriodStart == Q3.Start).UnattributedPullRequests);
    }

    [Fact]
    public async Task An_engineer_who_left_counts_up_to_and_including_the_last_day()
    {
        using var fixture = new MetricsFixture().Team("pay");
        fixture.Engineer("cat", "pay", new DateOnly(2025, 1, 1), new DateOnly(2026, 7, 14));
        fixture.MergedDaily("cat", new DateOnly(2026, 7, 1), 2);

        var core4 = await fixture.Metrics.Core4Async(Q3, null, CancellationToken.None);

        var pay = core4.PullRequestRates.Single(r => r.TeamId == "pay" && r.PeriodStart == Q3.Start);
        Assert.Equal((14L, 1.0), (pay.EngineerDays, pay.PerEngineerPerWeek));
    }

    [Fact]
    public async Task A_team_with_no_engineers_has_no_per_engineer_figure_and_says_why()
    {
        using var fixture = new MetricsFixture().Team("pay").Team("ghosts");
        fixture.Engineer("ann", "pay", new DateOnly(2025, 1, 1), null);

        var core4 = await fixture.Metrics.Core4Async(Q3, null, CancellationToken.None);

        var ghosts = core4.Panels.Single(p => p.TeamId == "ghosts");
        Assert.Null(ghosts.Speed.Value);
        Assert.Contains("no engineers", ghosts.Speed.Reason, StringComparison.Ordinal);
        Assert.Equal(0.0, core4.Panels.Single(p => p.TeamId == "pay").Speed.Value);
    }

    [Fact]
    public async Task Time_to_the_tenth_pull_request_is_a_median_per_cohort_and_small_groups_are_suppressed()
    {
        using var fixture = new MetricsFixture().Team("pay").Team("ops");
        // Three pay starters reach their 10th on days 10, 20 and 30; a fourth has merged 9. One ops starter: day 40.
        foreach (var (name, days) in new[] { ("a", 10), ("b", 20), ("c", 30) })
        {
            fixture.Engineer(name, "pay", new DateOnly(2026, 7, 1), null);
            fixture.MergedDaily(name, new DateOnly(2026, 7, 1).AddDays(days - 9), 10);
        }

        fixture.Engineer("d", "pay", new DateOnly(2026, 7, 1), null);
        fixture.MergedDaily("d", new DateOnly(2026, 7, 1), 9);
        fixture.Engineer("e", "ops", new DateOnly(2026, 7, 1), null);
        fixture.MergedDaily("e", new DateOnly(2026, 7, 31), 10);
        // A pull request before the first day is someone's earlier life, not onboarding.
        fixture.Merged("d", "2026-06-20T12:00:00Z");

        var metrics = new MetricsService(fixture.Database, Options.Create(new MetricsOptions { MinimumGroupSize = 3 }));
        var core4 = await metrics.Core4Async(Q3, null, CancellationToken.None);

        var pay = core4.TimeToTenthPullRequest.Single(r => r.TeamId == "pay" && r.CohortStart == Q3.Start);
        Assert.Equal((4L, 3L, false, 20.0, 25.0), (pay.Starters, pay.Reached, pay.Suppressed, pay.MedianDays, pay.P75Days));
        var ops = core4.TimeToTenthPullRequest.Single(r => r.TeamId == "ops");
        Assert.Equal((true, (double?)null), (ops.Suppressed, ops.MedianDays));
        Assert.Contains("fewer engineers reached", core4.Panels.Single(p => p.TeamId == "ops").DaysToTenthPullRequest.Reason, StringComparison.Ordinal);
        Assert.Equal(25.0, core4.Panels.Single(p => p.Level == "organisation").DaysToTenthPullRequest.Value);
    }

    [Fact]
    public async Task Impact_by_rules_only_counts_the_rule_classified_items_and_says_no_model_was_used()
    {
        using var fixture = new MetricsFixture().Team("pay");
        const string at = "2026-08-10T10:00:00Z";
        fixture.WorkItem("pay", "feature", "Checkout in one click", at);
        fixture.WorkItem("pay", "feature", "Export invoices", at);
        fixture.WorkItem("pay", "bug", "Totals are wrong", at);
        fixture.WorkItem("pay", "task", "Clean the build", at, "tech-debt");
        fixture.WorkItem("pay", "task", "Upgrade Postgres to 17", at);
        fixture.WorkItem("pay", "task", "Look into something", at);
        fixture.WorkItem("pay", "task", "", at);
        fixture.WorkItem("pay", "feature", "Not resolved in Q3", "2026-10-02T10:00:00Z");

        var core4 = await fixture.Metrics.Core4Async(Q3, null, CancellationToken.None);

        var pay = core4.Impact.Single(r => r.TeamId == "pay" && r.PeriodStart == Q3.Start);
        Assert.Equal((7, 5, 0, 2), (pay.Items, pay.RuleClassified, pay.ModelClassified, pay.Unclassified));
        Assert.Equal(0.4, pay.RulesOnly[WorkCategory.NewCapability], 9);
        Assert.Equal(0.4, pay.RulesOnly[WorkCategory.Maintenance], 9);
        Assert.Equal(0.2, pay.RulesOnly[WorkCategory.Unplanned], 9);
        Assert.Null(pay.WithModel);
        Assert.False(core4.Model.Used);
        var panel = core4.Panels.Single(p => p.TeamId == "pay");
        Assert.Equal(0.4, panel.NewCapabilityShare.Value!.Value, 9);
        Assert.StartsWith("rules only (no model: 6 work items classified by rules, fewer than the minimum of 200", panel.NewCapabilityShare.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_classifies_the_items_no_rule_matched_and_the_rules_only_figure_is_kept()
    {
        using var fixture = new MetricsFixture().Team("pay");
        // Rule-classified history (resolved in Q2) with telling words; in Q3, four tasks that only the model can place.
        for (var i = 0; i < 60; i++)
        {
            fixture.WorkItem("pay", "feature", $"Add new export dashboard for customers {i}", "2026-05-04T10:00:00Z");
            fixture.WorkItem("pay", "rework", $"Refactor legacy library cleanup {i}", "2026-05-04T10:00:00Z");
            fixture.WorkItem("pay", "bug", $"Crash error timeout in checkout {i}", "2026-05-04T10:00:00Z");
        }

        fixture.WorkItem("pay", "feature", "Add new search for customers", "2026-08-10T10:00:00Z");
        fixture.WorkItem("pay", "task", "Add new dashboard export", "2026-08-10T10:00:00Z");
        fixture.WorkItem("pay", "task", "Refactor legacy cleanup", "2026-08-10T10:00:00Z");
        fixture.WorkItem("pay", "task", "Crash timeout error", "2026-08-10T10:00:00Z");
        fixture.WorkItem("pay", "task", "", "2026-08-10T10:00:00Z");
        var metrics = new MetricsService(fixture.Database, Options.Create(new MetricsOptions()),
            Options.Create(new Core4Options { MinimumLabelledItems = 100 }));

        var core4 = await metrics.Core4Async(Q3, null, CancellationToken.None);

        Assert.True(core4.Model.Used, core4.Model.Reason);
        var pay = core4.Impact.Single(r => r.TeamId == "pay" && r.PeriodStart == Q3.Start);
        Assert.Equal((5, 1, 4, 0), (pay.Items, pay.RuleClassified, pay.ModelClassified, pay.Unclassified));
        Assert.Equal(1.0, pay.RulesOnly[WorkCategory.NewCapability]);
        Assert.InRange(pay.WithModel![WorkCategory.NewCapability], 0.4, 0.6);
        Assert.Equal(0.2, pay.WithModel[WorkCategory.Maintenance], 9);
        var panel = core4.Panels.Single(p => p.TeamId == "pay");
        Assert.Equal(1.0, panel.NewCapabilityShareRulesOnly.Value);
        Assert.Equal(1 / 3.0, panel.NewCapabilityShareRulesOnly.Previous!.Value, 9);
        Assert.Same((await metrics.WorkItemModelAsync(CancellationToken.None)).Status, core4.Model);
    }

    [Fact]
    public async Task The_change_failure_rate_and_its_change_come_from_the_DORA_definition()
    {
        using var fixture = new MetricsFixture().Team("pay").Service("api", "pay");
        fixture.Deploy("api", "2026-04-10T10:00:00Z");
        fixture.Deploy("api", "2026-08-10T10:00:00Z");
        fixture.Deploy("api", "2026-08-12T10:00:00Z");
        fixture.Deploy("api", "2026-08-12T12:00:00Z", rollback: true);

        var core4 = await fixture.Metrics.Core4Async(Q3, "pay", CancellationToken.None);

        var panel = Assert.Single(core4.Panels);
        Assert.Equal((0.5, 0.0, 0.5), (panel.ChangeFailureRate.Value, panel.ChangeFailureRate.Previous, panel.ChangeFailureRate.Change));
    }
}
