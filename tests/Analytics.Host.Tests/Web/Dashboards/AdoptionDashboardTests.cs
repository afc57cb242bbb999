using System.Globalization;
using System.Net;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Host.Web.Dashboards;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>The adoption and onboarding dashboard on the demo organisation, and its cohort suppression on hand-made cohorts.</summary>
public sealed class AdoptionDashboardTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-adoption-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public AdoptionDashboardTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "adoption.duckdb");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "adoption.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task The_page_shows_four_quarters_of_adoption_as_the_metrics_compute_them()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards/adoption?quarter=2026-Q3");

        var metrics = await _factory.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var org = metrics.Adoption.Single(a => a.Level == "organisation");
        Assert.Contains("<title>Adoption and onboarding, 2026-Q3 – Pulse</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">2026-Q3</th><td class=\"number\">{org.ActiveServices}</td><td class=\"number\">{org.AdoptedServices}</td><td class=\"number\">{Format.Or(org.ServiceShare, Format.Percent)}</td>", html, StringComparison.Ordinal);
        foreach (var quarter in new[] { "2025-Q4", "2026-Q1", "2026-Q2" })
        {
            Assert.Contains($"<th scope=\"row\">{quarter}</th>", html, StringComparison.Ordinal);
        }

        var support = metrics.SupportLoad.Single();
        Assert.Contains($"<th scope=\"row\">2026-Q3</th><td class=\"number\">{support.Requests}</td>", html, StringComparison.Ordinal);
        var top = metrics.SupportCategories.OrderByDescending(c => c.EffortHours ?? 0).First();
        Assert.Contains($"<th scope=\"row\">{Format.Words(top.Category)}</th><td class=\"number\">{top.Requests}</td>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Adoption and onboarding</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_s_page_labels_what_has_no_team_scope_as_the_organisation_s()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards/adoption?quarter=2026-Q3&team=payments");

        Assert.Contains("Platform adoption: Payments</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Participatory adoption: the organisation&#x27;s, for comparison</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Support load: the organisation&#x27;s, for comparison</h2>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("platform", "quarter,services_in_production")]
    [InlineData("capabilities", "capability,quarter")]
    [InlineData("participation", "quarter,engineers_outside_platform_team")]
    [InlineData("onboarding", "cohort_quarter,suppressed")]
    [InlineData("support", "quarter,requests")]
    [InlineData("self-service", "request_type,requests")]
    public async Task Each_table_downloads_as_rectangular_csv(string table, string header)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync($"/admin/dashboards/adoption-{table}.csv?quarter=2026-Q3");
        var lines = (await response.Content.ReadAsStringAsync()).Trim().Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(header, lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1, $"{table} has no rows");
        Assert.All(lines, l => Assert.Equal(lines[0].Split(',').Length, l.Split(',').Length));
    }

    [Fact]
    public async Task A_hidden_cohort_has_no_figures_in_the_csv()
    {
        using var client = await SignedInAsync();

        var lines = (await client.GetStringAsync("/admin/dashboards/adoption-onboarding.csv?quarter=2026-Q3")).Trim().Split('\n').Skip(1).Select(l => l.Split(',')).ToList();

        Assert.All(lines.Where(c => c[1] == "true"), c => Assert.All(c.Skip(2), Assert.Empty));
        Assert.All(lines.Where(c => c[1] == "false"), c => Assert.True(long.Parse(c[2], CultureInfo.InvariantCulture) >= 5));
    }

    [Theory]
    [InlineData("/admin/dashboards/adoption-nope.csv?quarter=2026-Q3", HttpStatusCode.NotFound, "")]
    [InlineData("/admin/dashboards/adoption?quarter=2026-Q9", HttpStatusCode.BadRequest, "is not a quarter")]
    [InlineData("/admin/dashboards/adoption?team=nope", HttpStatusCode.NotFound, "There is no team &#x27;nope&#x27;.")]
    [InlineData("/admin/dashboards/adoption?quarter=2019-Q1", HttpStatusCode.OK, "No service was in production, no engineer started and no support request was opened in the four quarters to 2019-Q1.")]
    public async Task Bad_or_empty_filters_say_what_is_wrong(string path, HttpStatusCode status, string message)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Hand-computed with k = 5: which rows of one cohort are shown.</summary>
    [Theory]
    [InlineData(new long[] { 7, 3, 2 }, null, true)]   // B and C hidden (5 starters together): org and A shown.
    [InlineData(new long[] { 7, 3, 2 }, "a", true)]
    [InlineData(new long[] { 7, 3, 2 }, "b", false)]
    [InlineData(new long[] { 8, 3 }, "a", false)]      // B alone (3) would be org − A: A is hidden too.
    [InlineData(new long[] { 8, 3 }, null, true)]      // The org's 11 reveal nobody's figure.
    [InlineData(new long[] { 6, 5, 1 }, "a", true)]    // C (1) is hidden with the smallest shown team, B.
    [InlineData(new long[] { 6, 5, 1 }, "b", false)]
    [InlineData(new long[] { 4 }, "a", false)]         // Too few starters anywhere: the org is hidden too.
    [InlineData(new long[] { 4 }, null, false)]
    public void Cohorts_too_small_or_recoverable_by_subtraction_are_hidden(long[] teams, string? asked, bool shown)
    {
        var cohort = new DateOnly(2026, 4, 1);
        var rows = new List<TimeToFirstDeploy> { new("organisation", null, cohort, teams.Sum(), teams.Sum(), 10, 20, 0.5) };
        rows.AddRange(teams.Select((starters, i) => new TimeToFirstDeploy("team", ((char)('a' + i)).ToString(), cohort, starters, starters, 10, 20, 0.5)));

        var result = Assert.Single(AdoptionData.Cohorts(rows, asked, k: 5));

        Assert.Equal(new Quarter(2026, 2), result.Quarter);
        Assert.Equal(!shown, result.Hidden);
        Assert.Equal(shown ? (asked is null ? teams.Sum() : teams[asked[0] - 'a']) : null, result.Starters);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        await _factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("admin", SurveyWebApp.AdminPassword, CancellationToken.None);
        return await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");
    }
}
