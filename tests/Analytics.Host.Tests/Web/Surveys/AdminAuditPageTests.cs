using System.Net;
using System.Text.RegularExpressions;
using Analytics.Surveys.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary><c>/admin/audit</c>: admin actions newest first, fifty a page, linked from every admin page's header.</summary>
public sealed partial class AdminAuditPageTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Actions_done_from_the_admin_pages_are_listed_newest_first_with_who_did_them()
    {
        using var client = await _app.AdminClientAsync();
        using (await SurveyWebApp.PostFromAsync(client, "/admin", "/admin/surveys/from-template", ("template", "onboarding")))
        {
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        using (await SurveyWebApp.PostFromAsync(client, "/admin/waves/pulse-open/close", "/admin/waves/pulse-open/close"))
        {
        }

        var home = await client.GetStringAsync("/admin");
        var page = await client.GetStringAsync("/admin/audit");
        var rows = Rows().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("<a href=\"/admin/audit\">Audit log</a>", home, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.Equal($"<td>{_app.Clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>admin</td><td>Closed wave</td><td>wave pulse-open</td><td></td>", rows[0]);
        Assert.Matches("^<td>[0-9: -]+</td><td>admin</td><td>Created survey</td><td>survey your-first-90-days-[0-9-]+</td><td>from template onboarding</td>$", rows[1]);
    }

    [Fact]
    public async Task Log_is_paged_fifty_entries_at_a_time()
    {
        var audit = _app.Factory.Services.GetRequiredService<AdminAuditLog>();
        for (var i = 1; i <= 55; i++)
        {
            await audit.RecordAsync("admin", AuditActions.SourceRunStarted, AuditTarget.Source($"source-{i}"), null, CancellationToken.None);
        }

        using var client = await _app.AdminClientAsync();
        var first = await client.GetStringAsync("/admin/audit");
        var second = await client.GetStringAsync("/admin/audit?page=2");

        Assert.Equal(50, Rows().Count(first));
        Assert.Contains("<td>source source-55</td>", Rows().Match(first).Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/audit?page=2\">Older entries</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Newer entries", first, StringComparison.Ordinal);
        Assert.Equal(5, Rows().Count(second));
        Assert.Contains("<td>source source-1</td>", Rows().Matches(second)[^1].Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/audit?page=1\">Newer entries</a><span>Page 2 of 2</span>", second, StringComparison.Ordinal);
        Assert.Contains("There is no page 3; the log has 2.", await client.GetStringAsync("/admin/audit?page=3"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    public async Task Page_that_is_not_a_page_number_is_refused_with_the_reason(string number)
    {
        using var client = await _app.AdminClientAsync();
        using var response = await client.GetAsync($"/admin/audit?page={number}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<strong>Not done:</strong> &#x27;{number}&#x27; is not a page number; pages are numbered from 1.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_log_says_so()
    {
        using var client = await _app.AdminClientAsync();

        Assert.Contains("<p>No admin actions recorded yet.</p>", await client.GetStringAsync("/admin/audit"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>(<td>.*?)</tr>")]
    private static partial Regex Rows();
}
