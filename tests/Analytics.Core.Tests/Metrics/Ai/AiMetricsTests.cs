using Analytics.Core.Assistants;
using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Ai;

namespace Analytics.Core.Tests.Metrics.Ai;

/// <summary>
/// The AI-assisted rule, adoption and delivery figures on a hand-made 2026-Q3 (UTC). Team pay merges and ships four
/// pull requests: pr1 has a commit with a Copilot co-author trailer (lead time 10 h), pr2 the label AI-Assisted (20 h),
/// pr3 was opened by Copilot's agent account (30 h), and pr4 only a Signed-off-by trailer (40 h; its release caused
/// an incident). Pay's five engineers and web's two hold seats, and so does a login of no engineer.
/// </summary>
public sealed class AiMetricsTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly List<MetricsFixture> _fixtures = [];

    [Fact]
    public async Task A_trailer_label_or_agent_author_marks_a_change_and_lead_time_and_failures_are_split()
    {
        var fixture = Delivery();

        var org = Only(await fixture.Metrics.AiAssistedDeliveryAsync(MetricsQuery.ForQuarter(Q3), CancellationToken.None), "organisation");

        Assert.Equal((4L, 3L, 0.75), (org.Changes, org.AiAssistedChanges, org.AiAssistedShare));
        Assert.Equal((3L, 20.0, 0.0), (org.AiAssistedShipped, org.AiAssistedMedianLeadHours, org.AiAssistedFailureRate));
        Assert.Equal((1L, 40.0, 1.0), (org.OtherShipped, org.OtherMedianLeadHours, org.OtherFailureRate));
    }

    [Fact]
    public async Task A_rule_that_matches_nothing_gives_zero_not_an_error()
    {
        var never = Delivery(new AiAssistedOptions { TrailerPatterns = ["^never-a-trailer$"], Labels = ["no-such-label"], AgentLogins = ["nobody"] });
        var empty = Delivery(new AiAssistedOptions { TrailerPatterns = [], Labels = [], AgentLogins = [] });

        foreach (var fixture in new[] { never, empty })
        {
            var org = Only(await fixture.Metrics.AiAssistedDeliveryAsync(MetricsQuery.ForQuarter(Q3), CancellationToken.None), "organisation");
            Assert.Equal((4L, 0L, 0.0, 0L), (org.Changes, org.AiAssistedChanges, org.AiAssistedShare, org.AiAssistedShipped));
            Assert.Null(org.AiAssistedMedianLeadHours);
            Assert.Equal(25.0, org.OtherMedianLeadHours);
        }
    }

    [Fact]
    public async Task Adoption_is_active_over_licensed_seats_and_a_team_under_k_is_suppressed_with_its_smallest_sibling()
    {
        var fixture = Seats();

        var rows = await fixture.Metrics.AiAdoptionAsync(MetricsQuery.ForQuarter(Q3), CancellationToken.None);

        // Seats held in Q3: pay 5 (3 active), ops 5, web 2 (1 active), the stranger's 1; e4's activity was in June.
        Assert.Equal((false, 13L, 4L, 4.0 / 13), Only(rows, "organisation") is var o ? (o.Suppressed, o.LicensedSeats, o.ActiveSeats, o.ActiveShare) : default);
        Assert.Equal((false, 5L, 3L, 0.6), Only(rows, "team", "pay") is var p ? (p.Suppressed, p.LicensedSeats, p.ActiveSeats, p.ActiveShare) : default);
        // web (2 < k = 5) is hidden, and with it ops, the smaller of its siblings (5 seats, shown were web not there):
        // with web alone hidden, the organisation's seats less pay's and ops' would give web's away.
        foreach (var team in new[] { "web", "ops" })
        {
            var hidden = Only(rows, "team", team);
            Assert.True(hidden.Suppressed, team);
            Assert.Equal((null, null, null), (hidden.LicensedSeats, hidden.ActiveSeats, hidden.ActiveShare));
        }
    }

    [Fact]
    public async Task A_team_run_hides_a_team_exactly_as_the_organisation_view_does_and_has_no_organisation_row()
    {
        var fixture = Seats();
        var query = MetricsQuery.ForQuarter(Q3);

        var ops = await fixture.Metrics.AiAdoptionAsync(query with { Team = "ops" }, CancellationToken.None);
        var pay = await fixture.Metrics.AiAdoptionAsync(query with { Team = "pay" }, CancellationToken.None);

        Assert.True(Assert.Single(ops, r => r.Level == "team" && r.TeamId == "ops").Suppressed);
        Assert.Equal(Only(await fixture.Metrics.AiAdoptionAsync(query, CancellationToken.None), "team", "pay"), Assert.Single(pay));
        Assert.DoesNotContain(ops.Concat(pay), r => r.Level == "organisation");
    }

    [Fact]
    public async Task Adoption_dates_are_configured_derived_or_in_the_future()
    {
        var fixture = Seats(new AiAssistedOptions { AdoptionDates = new() { ["ops"] = new DateOnly(2027, 3, 1) } });

        var teams = await fixture.Metrics.AiTeamAdoptionAsync(new DateOnly(2026, 12, 1), CancellationToken.None);

        Assert.Equal(new TeamAdoption("pay", new DateOnly(2026, 7, 1), "derived", TeamAdoption.Adopted), teams.Single(t => t.TeamId == "pay"));
        Assert.Equal(new TeamAdoption("web", null, "none", TeamAdoption.NotAdopted), teams.Single(t => t.TeamId == "web"));
        var ops = teams.Single(t => t.TeamId == "ops");
        Assert.Equal((TeamAdoption.Future, (Quarter?)null), (ops.Status, ops.AdoptedIn));

        var beforeAfter = await fixture.Metrics.AiBeforeAfterAsync(new DateOnly(2026, 12, 1), CancellationToken.None);
        Assert.Equal(Q3, beforeAfter.LastCompleteQuarter);
        Assert.All(beforeAfter.Measures, m => Assert.StartsWith("not enough data", m.Verdict, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        foreach (var fixture in _fixtures)
        {
            fixture.Dispose();
        }
    }

    private MetricsFixture Delivery(AiAssistedOptions? rule = null)
    {
        var fixture = New(rule);
        fixture.Team("pay").Service("api", "pay");
        PullRequest(fixture, "pr1", "2026-07-01T00:00:00Z", 10, fixture.Deploy("api", "2026-07-01T10:00:00Z"));
        fixture.Write(new Change("pr1-c1", "commit", "pr1", "api", null, null, "work", [], At("2026-07-01T00:00:00Z"), null, null, At("2026-07-01T05:00:00Z"), "s1", null, "test"));
        fixture.Write(new ChangeSignal("pr1-c1", ChangeSignal.Trailer, "Co-Authored-By: GitHub Copilot <copilot@github.com>"));
        PullRequest(fixture, "pr2", "2026-07-02T00:00:00Z", 20, fixture.Deploy("api", "2026-07-02T20:00:00Z"), labels: ["AI-Assisted"]);
        PullRequest(fixture, "pr3", "2026-07-04T00:00:00Z", 30, fixture.Deploy("api", "2026-07-05T06:00:00Z"));
        fixture.Write(new ChangeSignal("pr3", ChangeSignal.Author, "copilot-swe-agent[bot]"));
        var failed = fixture.Deploy("api", "2026-07-11T16:00:00Z");
        PullRequest(fixture, "pr4", "2026-07-10T00:00:00Z", 40, failed);
        fixture.Write(new ChangeSignal("pr4", ChangeSignal.Trailer, "Signed-off-by: Ada <ada@example.com>"));
        fixture.Incident("api", "2026-07-11T17:00:00Z", "2026-07-11T18:00:00Z", causedBy: failed);
        return fixture;
    }

    private MetricsFixture Seats(AiAssistedOptions? rule = null)
    {
        var fixture = New(rule);
        fixture.Team("pay").Team("web").Team("ops");
        var assigned = At("2026-06-01T00:00:00Z");
        foreach (var (engineer, team) in new[] { ("e1", "pay"), ("e2", "pay"), ("e3", "pay"), ("e4", "pay"), ("e5", "pay"), ("e6", "web"), ("e7", "web"), ("o1", "ops"), ("o2", "ops"), ("o3", "ops"), ("o4", "ops"), ("o5", "ops") })
        {
            fixture.Engineer(engineer, team, new DateOnly(2025, 1, 1));
            fixture.Write(new AiSeat("copilot", engineer, assigned, null, null, "test"));
        }

        fixture.Write(new AiSeat("copilot", "stranger", assigned, null, null, "test"));
        // Cancelled before the quarter: licensed in no figure.
        fixture.Write(new AiSeat("copilot", "gone", assigned, new DateOnly(2026, 6, 30), null, "test"));
        foreach (var (login, day) in new[] { ("e1", 3), ("e1", 9), ("e2", 4), ("e3", 5), ("e6", 6) })
        {
            fixture.Write(new AiSeatActivity("copilot", login, new DateOnly(2026, 8, day), "test"));
        }

        fixture.Write(new AiSeatActivity("copilot", "e4", new DateOnly(2026, 6, 20), "test"));
        return fixture;
    }

    private MetricsFixture New(AiAssistedOptions? rule)
    {
        var fixture = new MetricsFixture(new MetricsOptions { AiAssisted = rule ?? new AiAssistedOptions() });
        _fixtures.Add(fixture);
        return fixture;
    }

    private static void PullRequest(MetricsFixture fixture, string id, string firstCommit, int leadHours, string deployment, IReadOnlyList<string?>? labels = null)
    {
        var first = At(firstCommit);
        fixture.Write(new Change(id, "pull_request", null, "api", null, null, id, labels ?? [], first, first.AddHours(1), null, first.AddHours(2), null,
            deployment, "test", first.AddHours(leadHours)));
    }

    private static DateTimeOffset At(string utc) => MetricsFixture.At(utc);

    private static AiAssistedDelivery Only(IEnumerable<AiAssistedDelivery> rows, string level) => Assert.Single(rows, r => r.Level == level);

    private static AiAdoption Only(IEnumerable<AiAdoption> rows, string level, string? team = null) => Assert.Single(rows, r => r.Level == level && r.TeamId == team);
}
