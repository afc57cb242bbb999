using System.Globalization;
using System.Net;
using Analytics.Surveys.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>Closing a wave and replacing its links ask first on a page of their own; a closed wave reopens until its end.</summary>
public sealed class AdminConfirmationTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Close_asks_first_saying_answers_stop_now_and_until_when_it_can_be_reopened()
    {
        using var client = await _app.AdminClientAsync();
        var wave = await client.GetStringAsync("/admin/waves/pulse-named");
        Assert.Contains("<a class=\"button danger\" href=\"/admin/waves/pulse-named/close\">Close wave…</a>", wave, StringComparison.Ordinal);

        using var confirm = await client.GetAsync("/admin/waves/pulse-named/close");
        var html = WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<h1>Close Named?</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Closing stops answers now: its personal links stop working, and people who open them are told the survey is closed.", html, StringComparison.Ordinal);
        Assert.Contains($"You can reopen it until {Moment(_app.Clock.GetUtcNow().AddDays(12))}, its end date; its unused links then work again.", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/admin/waves/pulse-named/close\"><input type=\"hidden\" name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"danger\">Confirm: close the wave</button><a href=\"/admin/waves/pulse-named\">Cancel</a>", html, StringComparison.Ordinal);
        Assert.Equal("open", Status("pulse-named"));
    }

    [Fact]
    public async Task Confirming_the_close_closes_the_wave_and_records_who_did_it()
    {
        using var client = await _app.AdminClientAsync();
        using var closed = await SurveyWebApp.PostFromAsync(client, "/admin/waves/pulse-open/close", "/admin/waves/pulse-open/close");

        Assert.Equal("/admin/waves/pulse-open", closed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("closed", Status("pulse-open"));
        var entry = Assert.Single(await Audit.EntriesAsync(10, 0, CancellationToken.None));
        Assert.Equal(("admin", AuditActions.WaveClosed, "wave", "pulse-open"), (entry.Actor, entry.Action, entry.ObjectKind, entry.ObjectId));
        // The database keeps microseconds.
        Assert.Equal(_app.Clock.GetUtcNow(), entry.OccurredAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Close_page_of_a_wave_that_is_not_open_sends_back_with_the_reason()
    {
        using var client = await _app.AdminClientAsync();
        using var response = await client.GetAsync("/admin/waves/pulse-draft/close");

        Assert.Equal("/admin/waves/pulse-draft", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<strong>Not done:</strong> The wave is draft; only an open wave can be closed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wave_closed_by_mistake_is_reopened_from_its_page_before_its_end()
    {
        using var client = await _app.AdminClientAsync();
        using (await SurveyWebApp.PostFromAsync(client, "/admin/waves/pulse-open/close", "/admin/waves/pulse-open/close"))
        {
        }

        var closed = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/waves/pulse-open"));
        Assert.Contains($"Closed before its end: you can reopen it until {Moment(_app.Clock.GetUtcNow().AddDays(12))}", closed, StringComparison.Ordinal);
        using var reopened = await SurveyWebApp.PostFromAsync(client, "/admin/waves/pulse-open", "/admin/waves/pulse-open/reopen");

        Assert.Contains("status open", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("open", Status("pulse-open"));
        using var form = await _app.Client().GetAsync("/s/open/pulse-open");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal([AuditActions.WaveReopened, AuditActions.WaveClosed], (await Audit.EntriesAsync(10, 0, CancellationToken.None)).Select(e => e.Action));
    }

    [Fact]
    public async Task Wave_past_its_end_date_offers_no_reopen_and_refuses_one_with_the_date()
    {
        using var client = await _app.AdminClientAsync();
        var page = await client.GetStringAsync("/admin/waves/pulse-closed");
        using var refused = await SurveyWebApp.PostFromAsync(client, "/admin/waves/pulse-closed", "/admin/waves/pulse-closed/reopen");

        Assert.DoesNotContain("Reopen wave", page, StringComparison.Ordinal);
        Assert.Contains($"<strong>Not done:</strong> The wave ended on {Moment(_app.Clock.GetUtcNow().AddDays(-20))}, so it cannot be reopened. Create a new wave to ask again.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("closed", Status("pulse-closed"));
        Assert.Equal(0L, await Audit.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task First_links_need_no_confirmation_but_replacing_sent_links_says_how_many_stop_working()
    {
        using var client = await _app.AdminClientAsync();
        var before = await client.GetStringAsync("/admin/waves/pulse-named");
        Assert.Contains("<form class=\"inline\" method=\"post\" action=\"/admin/waves/pulse-named/links\">", before, StringComparison.Ordinal);
        await _app.LinksAsync("pulse-named");

        var after = await client.GetStringAsync("/admin/waves/pulse-named");
        using var confirm = await client.GetAsync("/admin/waves/pulse-named/links");
        var html = await confirm.Content.ReadAsStringAsync();

        Assert.Contains("<a class=\"button secondary\" href=\"/admin/waves/pulse-named/links\">Download new personal links (CSV)…</a>", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("The 12 links already sent will stop working; people who open them will be told their link was replaced and to use the one in their latest invitation.", html, StringComparison.Ordinal);
        Assert.Contains("You get a CSV with 12 new links, one for each invited person who has not answered yet.", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/admin/waves/pulse-named/links\">", html, StringComparison.Ordinal);
        Assert.Contains("Confirm: replace the links and download the CSV</button><a href=\"/admin/waves/pulse-named\">Cancel</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_new_links_downloads_them_and_records_how_many_were_replaced()
    {
        using var client = await _app.AdminClientAsync();
        await _app.LinksAsync("pulse-named");
        using var csv = await SurveyWebApp.PostFromAsync(client, "/admin/waves/pulse-named/links", "/admin/waves/pulse-named/links");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(13, (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Length);
        var entry = (await Audit.EntriesAsync(1, 0, CancellationToken.None))[0];
        Assert.Equal(("admin", AuditActions.LinksGenerated, "12 new links, 12 unused links replaced"), (entry.Actor, entry.Action, entry.Detail));
    }

    [Fact]
    public async Task Links_page_of_a_closed_wave_sends_back_with_the_reason()
    {
        using var client = await _app.AdminClientAsync();
        using var response = await client.GetAsync("/admin/waves/pulse-closed/links");

        Assert.Equal("/admin/waves/pulse-closed", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<strong>Not done:</strong> The wave is closed; links to it would not work.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private AdminAuditLog Audit => _app.Factory.Services.GetRequiredService<AdminAuditLog>();

    private string Status(string waveId) => _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = $id", new { id = waveId });

    private static string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
