using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Surveys.Administration;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// The service in process on its own database file, with two teams of six engineers, the DevEx pulse and four
/// waves: open anonymous, open named, closed and draft. Helpers read forms the way a browser would.
/// </summary>
public sealed partial class SurveyWebApp : IDisposable
{
    public const string AdminPassword = "correct horse battery";
    public const string OpenWave = "pulse-open";
    public const string NamedWave = "pulse-named";
    public const string ClosedWave = "pulse-closed";
    public const string DraftWave = "pulse-draft";

    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-web-").FullName;

    public SurveyWebApp(int submissionsPerMinute = 1000, int ratingsPerMinute = 1000, bool kestrel = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => Configure(builder, settings)
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "web.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Admin:InitialPassword", AdminPassword)
            .UseSetting("Pulse:Surveys:SubmissionsPerMinutePerClient", submissionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Pulse:Surveys:RatingsPerMinutePerClient", ratingsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseClock(Clock));
        if (kestrel)
        {
            // A real server on a free loopback port, for a real browser.
            Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        using var warmUp = Factory.CreateClient();
        BaseAddress = warmUp.BaseAddress!;
        Seed();
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>
    /// The service's clock, frozen when the app is made, so the seed, the service and the assertions all see one
    /// "now" however long a test takes. It starts at the machine's time rather than a fixed date because the HTTP
    /// client's cookie jar and the browser judge cookie expiry (the answered-survey cookie lasts until its wave
    /// closes) on the machine's clock.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Where the app listens: a real loopback address when started with Kestrel.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client(bool followRedirects = true) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, BaseAddress = BaseAddress });

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = Factory.Services.GetRequiredService<PulseDatabase>().Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public long Responses => Scalar<long>("SELECT count(*) FROM survey_responses");

    /// <summary>Switches optional question blocks on for a wave, as an admin does when creating it; call before the wave's first page is served (the service holds definitions in memory).</summary>
    public void AskOptionalBlocks(string wave, params string[] blocks) =>
        Scalar<long>("UPDATE survey_waves SET optional_blocks = $blocks WHERE wave_id = $wave RETURNING 1", new { wave, blocks = new ListParameter(blocks) });

    /// <summary>Fresh personal links for a wave, as the admin's CSV gives them (path only).</summary>
    public async Task<IReadOnlyList<InvitationLink>> LinksAsync(string wave) =>
        await Factory.Services.GetRequiredService<SurveyAdministration>().CreateLinksAsync("admin", wave, "", CancellationToken.None);

    /// <summary>A client signed in as the first admin, "admin".</summary>
    public async Task<HttpClient> AdminClientAsync() => await SignInAsync(Client());

    /// <summary>Signs <paramref name="client"/> in through the sign-in form (the first admin by default) and returns it.</summary>
    public static async Task<HttpClient> SignInAsync(HttpClient client, string username = "admin", string password = AdminPassword, string returnUrl = "/admin")
    {
        using var response = await FillAsync(client, "/admin/login", [new("username", username), new("password", password), new("returnUrl", returnUrl)]);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in as {username} failed with {response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Posts to <paramref name="action"/> with the antiforgery token of <paramref name="page"/>, as a form on that page would, following the redirect.</summary>
    public static async Task<HttpResponseMessage> PostFromAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = HiddenFields(await client.GetStringAsync(page)).Where(f => f.Key == "__RequestVerificationToken");
        return await client.PostAsync(action, new FormUrlEncodedContent(token.Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))));
    }

    /// <summary>The hidden fields of a page by name, the first of each (antiforgery token and submission id).</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).GroupBy(m => WebUtility.HtmlDecode(m.Groups["name"].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));

    /// <summary>Loads a form page and posts it back with its hidden fields plus <paramref name="answers"/>.</summary>
    public static async Task<HttpResponseMessage> FillAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> answers, Func<Dictionary<string, string>, Dictionary<string, string>>? tamper = null)
    {
        using var page = await client.GetAsync(path);
        var hidden = HiddenFields(await page.Content.ReadAsStringAsync());
        hidden = tamper?.Invoke(hidden) ?? hidden;
        return await client.PostAsync(path, new FormUrlEncodedContent(hidden.Concat(answers)));
    }

    /// <summary>Every required answer of the DevEx pulse.</summary>
    public static List<KeyValuePair<string, string>> ValidAnswers(params (string Field, string Value)[] changes)
    {
        var answers = new Dictionary<string, string>
        {
            ["q_nps"] = "9", ["q_fl_local"] = "4", ["q_fl_deploy"] = "3", ["q_cl_docs"] = "2", ["q_cl_debug"] = "4",
            ["q_flow_focus"] = "5", ["q_flow_goals"] = "4", ["q_hours_lost"] = "3–5 hours",
        };
        foreach (var (field, value) in changes)
        {
            if (value.Length == 0)
            {
                answers.Remove(field);
            }
            else
            {
                answers[field] = value;
            }
        }

        return [.. answers];
    }

    public void Dispose()
    {
        Factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Extra settings of one test (for example <c>Pulse:Web:KnownProxies:0</c>).</summary>
    private static Microsoft.AspNetCore.Hosting.IWebHostBuilder Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder, IReadOnlyDictionary<string, string>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }

    private void Seed()
    {
        var now = Clock.GetUtcNow();
        using var connection = Factory.Services.GetRequiredService<PulseDatabase>().Open();
        Append(connection, now, [new Team("payments", "Payments", null, false, "UTC", "test"), new Team("search", "Search", null, false, "UTC", "test")]);
        Append(connection, now, Enumerable.Range(1, 12).Select(i =>
            new Engineer($"e{i}", $"Engineer {i}", $"e{i}@example.com", null, i <= 6 ? "payments" : "search", new DateOnly(2025, 1, 1), null, "test")).ToList());
        Append(connection, now, [DevExPulseTemplate.Survey("pulse", now.AddDays(-30))]);
        Append(connection, now, DevExPulseTemplate.Questions("pulse").ToList());
        Append(connection, now,
        [
            new SurveyWave(OpenWave, "pulse", "Open", now.AddDays(-2), now.AddDays(12), true, 5, null, "open"),
            new SurveyWave(NamedWave, "pulse", "Named", now.AddDays(-2), now.AddDays(12), false, 5, null, "open"),
            new SurveyWave(ClosedWave, "pulse", "Closed", now.AddDays(-40), now.AddDays(-20), true, 5, null, "closed"),
            new SurveyWave(DraftWave, "pulse", "Draft", now.AddDays(-1), now.AddDays(20), true, 5, null, "draft"),
        ]);
    }

    private static void Append<T>(PulseConnection connection, DateTimeOffset writtenAt, IReadOnlyList<T> rows) where T : IStoredRow
    {
        using var appender = connection.CreateAppender(T.Table);
        foreach (var row in rows)
        {
            RowStamp.Apply(row, writtenAt).AppendTo(appender.CreateRow());
        }
    }

    // Razor components close void elements as <input ... />; the string-built pages wrote <input ...>.
    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"\\s*/?>")]
    private static partial Regex HiddenInput();
}
