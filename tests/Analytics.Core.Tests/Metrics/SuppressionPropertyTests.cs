namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// The privacy rule as a property over many random waves: whatever the team sizes, someone who reads the
/// organisation view and every team's own run together never sees a figure of a group below k, and cannot
/// isolate one by subtracting the shown teams from the organisation's total (the hidden teams are never a single
/// team, and hold at least k respondents between them). Each wave is decided on its own, so one database holds
/// all the cases. Seeded, so a failure reproduces. The second property adds the other outputs of a wave: the
/// responses export (whose named teams and row count are counts too) and the comments the reports quote.
/// </summary>
public sealed class SuppressionPropertyTests : IDisposable
{
    private const int Waves = 100;
    private static readonly string[] Teams = ["t0", "t1", "t2", "t3", "t4", "t5"];
    private readonly SurveyGroups _groups = new();

    [Theory]
    [MemberData(nameof(SurveyGroups.Metrics), MemberType = typeof(SurveyGroups))]
    public async Task No_union_of_organisation_and_team_views_exposes_or_isolates_a_group_below_k(string metric)
    {
        var random = new Random(20260801);
        var start = MetricsFixture.At("2026-07-01T00:00:00Z");
        for (var w = 0; w < Waves; w++)
        {
            // Small sizes dominate, since that is where suppression has work to do.
            var teams = Teams.Where(_ => random.Next(4) > 0).Select(t => (t, random.Next(1, random.Next(2) == 0 ? 7 : 13))).ToArray();
            _groups.Wave($"w{w:00}", start.AddHours(24 * w), teams);
        }

        var organisationView = await _groups.ViewAsync(metric, team: null);
        var views = new List<SurveyGroups.Group>(organisationView);
        foreach (var team in Teams)
        {
            views.AddRange(await _groups.ViewAsync(metric, team));
        }

        Assert.All(views.Where(r => !r.Suppressed), r => Assert.True(r.Respondents >= SurveyGroups.K, $"{metric} shows {r}"));
        foreach (var wave in organisationView.Where(r => r.Level == "organisation" && !r.Suppressed))
        {
            var teams = organisationView.Where(r => r.WaveId == wave.WaveId && r.Level == "team").Select(r => r.TeamId).ToList();
            var shown = views.Where(r => r.WaveId == wave.WaveId && r.Level == "team" && !r.Suppressed)
                .GroupBy(r => r.TeamId).ToDictionary(g => g.Key ?? string.Empty, g => g.First().Respondents!.Value, StringComparer.Ordinal);
            var hidden = teams.Count(t => !shown.ContainsKey(t ?? string.Empty));
            var hiddenTotal = wave.Respondents!.Value - shown.Values.Sum();
            Assert.True(hidden == 0 || (hidden >= 2 && hiddenTotal >= SurveyGroups.K),
                $"{metric}, {wave.WaveId}: {hidden} hidden team(s) recoverable as {hiddenTotal} respondents");
        }
    }

    [Fact]
    public async Task No_union_of_every_output_of_a_wave_exposes_or_isolates_a_group_below_k()
    {
        var random = new Random(20261202);
        var start = MetricsFixture.At("2026-07-01T00:00:00Z");
        var waves = new List<(string Id, DateTimeOffset Opens, (string Team, int Respondents)[] Teams)>();
        for (var w = 0; w < 60; w++)
        {
            var teams = Teams.Where(_ => random.Next(4) > 0).Select(t => (t, random.Next(1, random.Next(2) == 0 ? 7 : 13))).ToArray();
            waves.Add(($"w{w:00}", start.AddHours(24 * w), teams));
            _groups.Wave(waves[^1].Id, waves[^1].Opens, teams);
        }

        // Everything a reader can see: each survey metric for the organisation and each team's run, the responses
        // export, and the comments the organisation's and each team's report would quote.
        var views = new List<SurveyGroups.Group>();
        foreach (var metric in SurveyGroups.MetricNames)
        {
            foreach (var team in Teams.Prepend(null))
            {
                views.AddRange(await _groups.ViewAsync(metric, team));
            }
        }

        foreach (var (id, opens, answered) in waves)
        {
            var known = new Dictionary<string, long>(StringComparer.Ordinal);
            void Learn(string team, long respondents, string where)
            {
                Assert.True(respondents >= SurveyGroups.K, $"{id}: {where} shows {team} with {respondents} respondents");
                known[team] = respondents;
            }

            foreach (var row in views.Where(r => r.WaveId == id && r.Level == "team" && !r.Suppressed))
            {
                Learn(row.TeamId!, row.Respondents!.Value, "a team view");
            }

            var total = views.Where(r => r.WaveId == id && r.Level == "organisation" && !r.Suppressed).Select(r => r.Respondents).FirstOrDefault();
            if (await _groups.ExportAsync(id) is { } export)
            {
                foreach (var (team, rows) in export.Where(e => e.Key.Length > 0))
                {
                    Learn(team, rows, "the export");
                }

                total = export.Values.Sum();
            }

            foreach (var team in Teams)
            {
                if (await _groups.CommentsAsync(opens, team) is > 0 and var comments)
                {
                    Learn(team, comments, "a team report's comments");
                }
            }

            if (await _groups.CommentsAsync(opens, null) is > 0 and var all)
            {
                total = all;
            }

            var hidden = answered.Where(t => !known.ContainsKey(t.Team)).ToList();
            if (total is { } respondents)
            {
                Assert.True(respondents >= SurveyGroups.K, $"{id}: the organisation's {respondents} respondents are shown");
                Assert.True(hidden.Count == 0 || (hidden.Count >= 2 && respondents - known.Values.Sum() >= SurveyGroups.K),
                    $"{id}: {hidden.Count} hidden team(s) recoverable as {respondents - known.Values.Sum()} respondents");
            }
        }
    }

    public void Dispose() => _groups.Dispose();
}
