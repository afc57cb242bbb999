namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// Suppression is decided once, over the whole organisation, and only then narrowed to a team: a team hidden in
/// the organisation view to protect a smaller sibling stays hidden in its own run, and a team run labels its rows
/// as the team's. The attack these guard against: three teams of 2, 6 and 5 respondents with k = 5; the
/// organisation view hides the 2 and its smallest sibling, the 5; if the 5's own run showed it, the organisation's
/// total minus the shown teams would give the team of 2 exactly.
/// </summary>
public sealed class TeamViewSuppressionTests : IDisposable
{
    private static readonly string[] Teams = ["a", "b", "c"];
    private readonly SurveyGroups _groups = new();

    public TeamViewSuppressionTests() =>
        _groups.Wave("w1", MetricsFixture.At("2026-08-01T09:00:00Z"), ("a", 2), ("b", 6), ("c", 5));

    [Theory]
    [MemberData(nameof(SurveyGroups.Metrics), MemberType = typeof(SurveyGroups))]
    public async Task Organisation_view_hides_the_team_of_2_and_its_smallest_sibling(string metric)
    {
        var rows = await _groups.ViewAsync(metric, team: null);
        Assert.Equal(
            [("a", true), ("b", false), ("c", true)],
            rows.Where(r => r.Level == "team").OrderBy(r => r.TeamId, StringComparer.Ordinal).Select(r => (r.TeamId, r.Suppressed)));
    }

    [Theory]
    [MemberData(nameof(SurveyGroups.Metrics), MemberType = typeof(SurveyGroups))]
    public async Task Run_of_the_sibling_hidden_in_the_organisation_view_shows_nothing_of_it(string metric)
    {
        var rows = await _groups.ViewAsync(metric, team: "c");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.Suppressed && r.Respondents is null && r.Value is null, $"{metric} shows {r}"));
    }

    [Theory]
    [MemberData(nameof(SurveyGroups.Metrics), MemberType = typeof(SurveyGroups))]
    public async Task Organisation_total_minus_every_team_shown_in_any_view_never_isolates_a_group_below_k(string metric)
    {
        var organisation = (await _groups.ViewAsync(metric, team: null)).Single(r => r.Level == "organisation");
        var shown = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var view in Teams.Prepend(null))
        {
            foreach (var row in (await _groups.ViewAsync(metric, view)).Where(r => r.Level == "team" && !r.Suppressed))
            {
                shown[row.TeamId!] = row.Respondents!.Value;
            }
        }

        var hidden = Teams.Except(shown.Keys).ToList();
        var hiddenTotal = organisation.Respondents!.Value - shown.Values.Sum();
        Assert.True(hidden.Count != 1 && hiddenTotal >= SurveyGroups.K,
            $"{metric}: {hidden.Count} hidden team(s) ({string.Join(", ", hidden)}) recoverable as {hiddenTotal} respondents");
    }

    [Theory]
    [MemberData(nameof(SurveyGroups.Metrics), MemberType = typeof(SurveyGroups))]
    public async Task Team_run_labels_every_row_as_the_team_it_holds(string metric)
    {
        var rows = await _groups.ViewAsync(metric, team: "b");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("team", "b"), (r.Level, r.TeamId)));
    }

    [Theory]
    [MemberData(nameof(SurveyGroups.Metrics), MemberType = typeof(SurveyGroups))]
    public async Task Team_run_shows_a_team_the_organisation_view_shows_with_the_same_figures(string metric)
    {
        var inOrganisation = (await _groups.ViewAsync(metric, team: null)).Single(r => r.TeamId == "b");
        Assert.Equal(inOrganisation, (await _groups.ViewAsync(metric, team: "b")).Single());
    }

    public void Dispose() => _groups.Dispose();
}
