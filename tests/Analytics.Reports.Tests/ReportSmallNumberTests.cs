using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Reports.Definitions;
using Analytics.Reports.Rendering;

namespace Analytics.Reports.Tests;

/// <summary>
/// Figures resting on very few people say so in plain words: an NPS with no margin because the whole team
/// answered, and a median of fewer than five values, which is also kept out of the findings.
/// </summary>
public sealed class ReportSmallNumberTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Opens = new(2026, 7, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly ReportDatabase _db = new();

    public ReportSmallNumberTests()
    {
        _db.Write([new Team("t1", "Payments", null, false, "UTC", "test")]);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(10, false)]
    public async Task An_nps_the_whole_team_gave_says_it_has_no_sampling_error(int teamSize, bool everyone)
    {
        // Six answers: three promoters, one detractor, NPS 33; with six engineers the margin is 0 (finite population).
        NpsWave(teamSize, [10, 10, 9, 8, 7, 3]);

        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, "t1", CancellationToken.None);
        var html = await ReportHtml.RenderAsync(report, "report.css");

        const string note = "Everyone in the team answered, so there is no sampling error; the figure is exact for these 6 people but says little about next quarter.";
        Assert.Equal(33, report.Nps!.Nps!.Value, 0.5);
        Assert.Equal(everyone, report.Nps.MarginOfError < 0.5);
        Assert.Equal(everyone, report.Findings.Any(f => f.Contains(note, StringComparison.Ordinal)));
        Assert.Equal(everyone ? 2 : 0, html.Split(note).Length - 1);
    }

    [Theory]
    [InlineData(2, "from only 2 changes, so one case moves it")]
    [InlineData(1, "from only 1 change, so one case moves it")]
    [InlineData(5, null)]
    public async Task A_median_of_fewer_than_five_changes_says_so_and_is_not_a_finding(int changes, string? note)
    {
        _db.Write([new Service("s1", "s1", "t1", "acme/s1", "production", false, null, null, new DateOnly(2025, 1, 1), null, "test")]);
        var deployments = new List<Deployment>();
        var shipped = new List<Change>();
        foreach (var (start, count) in new[] { (new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero), 10), (new DateTimeOffset(2026, 7, 6, 9, 0, 0, TimeSpan.Zero), changes) })
        {
            for (var i = 0; i < count; i++)
            {
                // Q2's lead times are 10 hours; Q3's 100, a tenfold change that would otherwise lead the findings.
                var at = start.AddDays(i);
                var id = $"d{at:yyyyMMdd}";
                deployments.Add(new Deployment(id, "s1", "production", $"sha{at:yyyyMMdd}", at, at, "success", false, false, true, null, "test"));
                var first = at.AddHours(start.Month == 4 ? -10 : -100);
                shipped.Add(new Change($"c{at:yyyyMMdd}", "pull_request", null, "s1", null, null, "change", [], first, first, first, first, $"sha{at:yyyyMMdd}", id, "test"));
            }
        }

        _db.Write(deployments);
        _db.Write(shipped);

        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, "t1", CancellationToken.None);
        var html = await ReportHtml.RenderAsync(report, "report.css");

        var lead = report.Kpis.Single(k => k.Name == "Median lead time (hours)");
        Assert.Equal(("100", "10"), (lead.Value, lead.Previous));
        Assert.Equal(note, lead.Note);
        Assert.Equal(note is not null, html.Contains($"<div class=\"muted note-small\">{note}</div>", StringComparison.Ordinal));
        Assert.Equal(note is null, report.Findings[0].StartsWith("Median lead time moved most", StringComparison.Ordinal));
    }

    public void Dispose() => _db.Dispose();

    private void NpsWave(int teamSize, int[] scores)
    {
        _db.Write(DevExPulseTemplate.Questions("devex"));
        _db.Write<SurveyWave>([new SurveyWave("w1", "devex", "July pulse", Opens, Opens.AddDays(14), true, 5, null, "closed")]);
        _db.Write(Enumerable.Range(0, teamSize).Select(i => new Engineer($"e{i}", $"e{i}", null, null, "t1", new DateOnly(2025, 1, 1), null, "test")));
        var responses = scores.Select(_ => new SurveyResponse(Guid.NewGuid(), "w1", "t1", null, Opens, "link", "test")).ToList();
        _db.Write(responses);
        _db.Write(responses.Select((r, i) => new SurveyAnswer(r.ResponseId, "nps", scores[i], null, null)));
    }
}
