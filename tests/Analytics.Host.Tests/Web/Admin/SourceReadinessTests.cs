using System.Net;
using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Web.Admin;

/// <summary>
/// A source that lacks a setting it needs says so on <c>/admin/sources</c>, and Run now refuses it with that reason
/// instead of queueing a sync that could only fail; a source with its credentials is queued as before.
/// </summary>
public sealed class SourceReadinessTests : IDisposable
{
    // PagerDuty has a token (pointing at a closed local port, so its queued sync fails at once); GitHub has none.
    private readonly SurveyWebApp _app = new(settings: new Dictionary<string, string>
    {
        ["Pulse:Sources:PagerDuty:Token"] = "pd-token",
        ["Pulse:Sources:PagerDuty:BaseUrl"] = "http://127.0.0.1:9/",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Source_without_its_token_is_listed_as_unable_to_run_with_the_setting_to_set()
    {
        using var client = await _app.AdminClientAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/sources"));

        Assert.Contains("<td id=\"cannot-run-github\">No: GitHub has no token: set Pulse:Sources:GitHub:Token (or Pulse__Sources__GitHub__Token).</td>"
            + "<td><button type=\"button\" class=\"secondary\" disabled aria-describedby=\"cannot-run-github\">Run now</button></td>", page, StringComparison.Ordinal);
        Assert.Contains("<td id=\"cannot-run-jira\">No: Jira has no credentials:", page, StringComparison.Ordinal);
        Assert.Contains("<td>Yes</td><td><form class=\"inline\" method=\"post\" action=\"/admin/sources/pagerduty/run\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/admin/sources/github/run\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_now_on_a_source_without_its_token_says_why_and_queues_nothing()
    {
        using var client = await _app.AdminClientAsync();
        using var response = await SurveyWebApp.PostFromAsync(client, "/admin/sources", "/admin/sources/github/run");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>Not done:</strong> GitHub has no token: set Pulse:Sources:GitHub:Token (or Pulse__Sources__GitHub__Token). The github sync was not started.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("queued as job", page, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM ingestion_runs"));
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM admin_audit_log"));
    }

    [Fact]
    public async Task Run_now_on_a_source_with_its_token_queues_the_sync_and_records_it()
    {
        using var client = await _app.AdminClientAsync();
        using var response = await SurveyWebApp.PostFromAsync(client, "/admin/sources", "/admin/sources/pagerduty/run");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("The pagerduty sync is queued as job ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not done:", page, StringComparison.Ordinal);
        Assert.Equal("admin|source.run|pagerduty", _app.Scalar<string>("SELECT actor || '|' || action || '|' || object_id FROM admin_audit_log"));
    }
}
