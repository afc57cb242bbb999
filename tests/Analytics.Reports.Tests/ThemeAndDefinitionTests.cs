using Analytics.Reports.Definitions;
using Analytics.Reports.Themes;

namespace Analytics.Reports.Tests;

public sealed class ThemeAndDefinitionTests
{
    private static readonly string[] Answers =
    [
        "CI builds are slow, I wait 30 minutes for feedback", "Slow CI builds block my merges", "CI is slow and flaky builds fail", "Our CI builds take forever, slow feedback",
        "Builds in CI are slow", "Flaky tests in CI builds",
        "Getting a database takes weeks of tickets", "Database provisioning needs a ticket and weeks", "I wait weeks for a new database",
        "Provisioning a database is slow with tickets", "Database requests take weeks",
        "Too many meetings",
    ];

    [Fact]
    public void Answers_group_into_themes_with_counts_and_two_distinct_quotes()
    {
        var themes = ThemeFinder.Find(Answers, k: 3);

        Assert.Equal(2, themes.Count);
        Assert.Contains("ci", themes[0].Label, StringComparison.Ordinal);
        Assert.Equal(6, themes[0].Count);
        Assert.Contains("database", themes[1].Label, StringComparison.Ordinal);
        Assert.Equal(2, themes[0].Quotes.Distinct().Count());
        Assert.All(themes[0].Quotes, q => Assert.Contains(q, Answers));
    }

    [Fact]
    public void Themes_below_k_answers_are_not_shown()
    {
        Assert.Empty(ThemeFinder.Find(Answers.Take(2).ToList(), k: 5));
        Assert.DoesNotContain(ThemeFinder.Find(Answers, k: 6), t => t.Label.Contains("database", StringComparison.Ordinal));
    }

    [Fact]
    public void Shipped_definition_loads()
    {
        var definition = ReportDefinitionLoader.Load("quarterly.yaml");
        Assert.Equal(ReportDefinition.KnownSections, definition.Sections);
        Assert.Equal((8, 2), (definition.HistoryQuarters, definition.ForecastQuarters));
    }

    [Theory]
    [InlineData("sections: [cover, appendix]", "Report definition test.yaml: 'appendix' is not a section. Use any of: cover, summary, delivery, sentiment, adoption, onboarding, core4, ai, methodology.")]
    [InlineData("history_quarters: 12", "Report definition test.yaml: history_quarters must be 4 to 8, not 12.")]
    [InlineData("forecast_quarters: 0", "Report definition test.yaml: forecast_quarters must be 1 or 2, not 0.")]
    [InlineData("colour: blue", "Report definition test.yaml, line 1: Property 'colour' not found on type 'Analytics.Reports.Definitions.ReportDefinition'.")]
    public void Bad_definitions_are_refused_naming_the_problem(string yaml, string message)
    {
        var error = Assert.Throws<ReportException>(() => ReportDefinitionLoader.Parse(yaml, "test.yaml"));
        Assert.Equal(message, error.Message);
    }
}
