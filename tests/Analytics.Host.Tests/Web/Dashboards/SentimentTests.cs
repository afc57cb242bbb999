using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Metrics;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Surveys;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>The sentiment dashboard on the demo organisation, whose 2026-Q3 wave has a team below the minimum group size.</summary>
public sealed partial class SentimentTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-sentiment-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public SentimentTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "sentiment.duckdb");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "sentiment.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task Nps_shows_each_wave_with_margin_and_significance_as_the_metrics_compute_it()
    {
        using var client = await SignedInAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/dashboards/sentiment?quarter=2026-Q3"));

        var metrics = await _factory.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var org = metrics.Nps.Single(n => n.Level == "organisation");
        Assert.Contains("<title>Sentiment, 2026-Q3 – Pulse</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">Whole organisation</th><td class=\"number\">{org.Respondents!.Value.ToString("N0", CultureInfo.InvariantCulture)}</td><td class=\"number\">{org.Nps!.Value.ToString("0", CultureInfo.InvariantCulture)}</td><td class=\"number\">±{org.MarginOfError!.Value.ToString("0", CultureInfo.InvariantCulture)}</td>", html, StringComparison.Ordinal);
        var significance = org.ChangeZ is not { } z ? "—" : Math.Abs(z) >= 1.96 ? "Significant" : "Within the margin";
        Assert.Contains($"<td>{significance}</td>", html, StringComparison.Ordinal);
        Assert.Contains("Response rates", html, StringComparison.Ordinal);
        Assert.Contains("DevEx scores by team", html, StringComparison.Ordinal);
        Assert.Contains("Cognitive load", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_below_the_minimum_size_shows_the_reason_and_no_number_anywhere_on_the_page()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards/sentiment?quarter=2026-Q3");

        var metrics = await _factory.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var teams = (await _factory.Services.GetRequiredService<SurveyStore>().TeamsAsync(CancellationToken.None)).ToDictionary(t => t.TeamId, t => t.Name);
        var hidden = metrics.Nps.Where(n => n.Level == "team" && n.Suppressed).Select(n => teams[n.TeamId!]).ToList();
        Assert.NotEmpty(hidden);
        const string Reason = "Hidden: fewer than 5 people answered, or showing it would reveal a smaller group.";
        foreach (var name in hidden)
        {
            var rows = Rows().Matches(html).Select(m => m.Value).Where(r => r.Contains($"<th scope=\"row\">{WebUtility.HtmlEncode(name)}</th>", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(rows);
            Assert.Contains(rows, r => r.Contains($"<td colspan=\"5\" class=\"hidden-figure\">{Reason}</td>", StringComparison.Ordinal));
            var devEx = metrics.DevExScores.Where(d => d.Level == "team" && teams[d.TeamId!] == name).ToList();
            if (devEx.Count > 0 && devEx.All(d => d.Suppressed))
            {
                // Every figure of the group's rows: what is left once the wave's name and the reason are taken out has no digit.
                Assert.All(rows, r => Assert.DoesNotMatch("[0-9]", Tags().Replace(r, "").Replace(Reason, "", StringComparison.Ordinal).Replace(metrics.Nps[0].WaveName, "", StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public async Task Friction_themes_show_example_comments_written_by_at_least_k_people()
    {
        using var client = await SignedInAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/dashboards/sentiment?quarter=2026-Q3"));

        var themes = Regex.Matches(html, "<li><h3>([^<]*)</h3><p>([0-9]+) comments</p>((?:<blockquote>[^<]*</blockquote>)+)</li>").ToList();
        Assert.NotEmpty(themes);
        Assert.All(themes, t => Assert.True(int.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture) >= 5));
        using var connection = _factory.Services.GetRequiredService<Analytics.Core.Storage.PulseDatabase>().Open();
        var written = Dapper.SqlMapper.Query<string>(connection, "SELECT text_value FROM survey_answers WHERE text_value IS NOT NULL").Select(t => t.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var quote in themes.SelectMany(t => Regex.Matches(t.Groups[3].Value, "<blockquote>([^<]*)</blockquote>")).Select(m => m.Groups[1].Value))
        {
            Assert.Contains(quote, written);
        }
    }

    [Fact]
    public async Task A_hidden_team_s_page_quotes_no_comment()
    {
        using var client = await SignedInAsync();
        var metrics = await _factory.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var hidden = metrics.ResponseRates.First(r => r.Level == "team" && r.Suppressed).TeamId!;

        var html = await client.GetStringAsync($"/admin/dashboards/sentiment?quarter=2026-Q3&team={hidden}");

        Assert.Contains("No theme to show: a theme needs at least 5 people", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nps", 4)]
    [InlineData("response-rates", 4)]
    [InlineData("devex", 6)]
    public async Task Each_table_downloads_as_csv_with_a_suppressed_group_s_figures_empty(string table, int firstFigure)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync($"/admin/dashboards/sentiment-{table}.csv?quarter=2026-Q3");
        var lines = (await response.Content.ReadAsStringAsync()).Trim().Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var suppressedColumn = Array.IndexOf(lines[0].Split(','), "suppressed");
        var hidden = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[suppressedColumn] == "true").ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, cells => Assert.All(cells.Skip(firstFigure), Assert.Empty));
        Assert.Contains(lines.Skip(1), l => l.Split(',')[suppressedColumn] == "false" && l.Split(',').Skip(firstFigure).Any(c => c.Length > 0));
    }

    [Theory]
    [InlineData("/admin/dashboards/sentiment-nope.csv?quarter=2026-Q3", HttpStatusCode.NotFound, "")]
    [InlineData("/admin/dashboards/sentiment?quarter=2026-Q9", HttpStatusCode.BadRequest, "is not a quarter")]
    [InlineData("/admin/dashboards/sentiment?team=nope", HttpStatusCode.NotFound, "There is no team &#x27;nope&#x27;.")]
    public async Task Bad_filters_are_pages_that_say_what_is_wrong(string path, HttpStatusCode status, string message)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarter_without_a_wave_says_so()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards/sentiment?quarter=2019-Q1");

        Assert.Contains("No survey wave opened in 2019-Q1.", html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private async Task<HttpClient> SignedInAsync()
    {
        await _factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("admin", SurveyWebApp.AdminPassword, CancellationToken.None);
        return await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");
    }
}
