using System.Collections.Concurrent;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.Copilot;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// The Copilot connector against a local server speaking the shape of GitHub's organisation Copilot metrics API
/// (two pages of days joined by a <c>Link</c> header) and its billing seats API.
/// </summary>
public sealed class CopilotConnectorTests : IAsyncLifetime, IDisposable
{
    private const string Token = "good-token";
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 15, 6, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication _server = null!;
    private HttpClient? _http;

    /// <summary>The status the server answers every request with, instead of data, when set.</summary>
    private int? _refuseWith;

    private string _secondDay = Day("2026-09-13", 9, 7, """{"name": "vscode", "total_engaged_users": 6, "models": [{"name": "default", "languages": [{"name": "python", "total_engaged_users": 4, "total_code_suggestions": 100, "total_code_acceptances": 30, "total_code_lines_suggested": 150, "total_code_lines_accepted": 40}]}]}""");

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        _server = await LocalServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                _requests.Enqueue(context.Request.Path + context.Request.QueryString);
                if (_refuseWith is { } status || context.Request.Headers.Authorization != $"Bearer {Token}")
                {
                    context.Response.StatusCode = _refuseWith ?? 401;
                    await context.Response.WriteAsync("""{"message": "Bad credentials"}""");
                    return;
                }

                await next(context);
            });
            app.MapGet("/orgs/acme/copilot/metrics", (HttpContext context) =>
            {
                if (context.Request.Query["page"] == "2")
                {
                    return Results.Text($"[{_secondDay}]", "application/json");
                }

                context.Response.Headers.Link = $"<{app.BaseUrl()}orgs/acme/copilot/metrics?page=2>; rel=\"next\"";
                return Results.Text($"[{FirstDay}]", "application/json");
            });
            app.MapGet("/orgs/acme/copilot/billing/seats", () => Results.Text("""
                {"total_seats": 3, "seats": [
                  {"created_at": "2026-08-01T09:00:00Z", "pending_cancellation_date": null, "last_activity_at": "2026-09-14T16:00:00+02:00", "assignee": {"login": "Ada"}},
                  {"created_at": "2026-08-02T09:00:00Z", "pending_cancellation_date": "2026-10-01", "last_activity_at": null, "assignee": {"login": "bob"}},
                  {"created_at": "2026-08-03T09:00:00Z", "assignee": null}
                ]}
                """, "application/json"));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http?.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task Stores_day_totals_editor_and_language_rows_and_seats_across_pages()
    {
        var result = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        var total = _connection.QuerySingle<(long Active, long Engaged, long Suggestions, long Acceptances, long Chats, long ChatUsers, long AgentUsers, long AgentUses)>(
            "SELECT active_users, engaged_users, suggestions, acceptances, chats, chat_engaged_users, agent_engaged_users, agent_uses FROM ai_usage_daily WHERE day = DATE '2026-09-12' AND editor = 'all' AND language = 'all'");
        // vscode: python 200/60 + typescript 50/20 over two models; jetbrains: python 10/5.
        Assert.Equal((12L, 10L, 260L, 85L, 11L, 5L, 2L, 3L), total);
        Assert.Equal((210L, 65L), _connection.QuerySingle<(long, long)>("SELECT sum(suggestions), sum(acceptances) FROM ai_usage_daily WHERE day = DATE '2026-09-12' AND editor <> 'all' AND language = 'python'"));
        Assert.Equal(200L, _connection.QuerySingle<long>("SELECT suggestions FROM ai_usage_daily WHERE day = DATE '2026-09-12' AND editor = 'vscode' AND language = 'python'"));
        Assert.Equal(7L, _connection.QuerySingle<long>("SELECT engaged_users FROM ai_usage_daily WHERE day = DATE '2026-09-13' AND editor = 'all' AND language = 'all'"));

        Assert.Equal(["ada", "bob"], _connection.Query<string>("SELECT login FROM ai_seats ORDER BY login"));
        Assert.Equal("2026-09-14", _connection.QuerySingle<string>("SELECT CAST(day AS VARCHAR) FROM ai_seat_activity WHERE login = 'ada'"));
        Assert.Equal("2026-09-13", _connection.QuerySingle<string>("SELECT watermark FROM ingestion_watermarks WHERE source = 'copilot'")[..10]);
        Assert.Single(result.Rejected);
        Assert.Contains("no assignee login", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains(_requests, r => r.Contains("since=2026-08-18T00:00:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_day_missing_fields_and_an_unknown_editor_are_dead_lettered_and_the_rest_stored()
    {
        _secondDay = """
            {"total_active_users": 3},
            {"date": "2026-09-14", "total_engaged_users": 2},
            {"date": "2026-09-13", "total_active_users": 5, "total_engaged_users": 4, "copilot_ide_code_completions": {"editors": [
              {"name": "notepad-ai", "total_engaged_users": 1, "models": [{"name": "default", "languages": [{"name": "c", "total_code_suggestions": 5, "total_code_acceptances": 1}]}]},
              {"name": "vscode", "total_engaged_users": 3, "models": [{"name": "default", "languages": [
                {"name": "go", "total_code_suggestions": 40, "total_code_acceptances": 10},
                {"name": "rust", "total_code_acceptances": 2}]}]}]}}
            """;

        var result = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(["2026-09-12", "2026-09-13"], _connection.Query<string>("SELECT DISTINCT CAST(day AS VARCHAR) AS d FROM ai_usage_daily ORDER BY d"));
        Assert.Equal((40L, 10L), _connection.QuerySingle<(long, long)>("SELECT suggestions, acceptances FROM ai_usage_daily WHERE day = DATE '2026-09-13' AND editor = 'all' AND language = 'all'"));
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ai_usage_daily WHERE editor = 'notepad-ai' OR language = 'rust'"));
        var reasons = _connection.Query<string>("SELECT reason FROM dead_letters WHERE entity = 'ai_usage' ORDER BY reason").ToList();
        Assert.Equal(4, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("has no date", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("no total_active_users", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("'notepad-ai' is not a known editor", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("rust", StringComparison.Ordinal) && r.Contains("lacks total_code_suggestions", StringComparison.Ordinal));
        Assert.Equal(5, result.Rejected.Count);
    }

    [Theory]
    [InlineData(401, "refused the token (401")]
    [InlineData(403, "refused access (403")]
    public async Task Refused_token_fails_at_once_with_a_clear_error_and_no_retry(int status, string expected)
    {
        _refuseWith = status;

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Connector().SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.StartsWith($"GitHub Copilot {expected}", error.Message, StringComparison.Ordinal);
        Assert.Single(_requests);
        Assert.Equal(("failed", 0L), _connection.QuerySingle<(string, long)>("SELECT status, (SELECT count(*) FROM ai_usage_daily) FROM ingestion_runs"));
    }

    [Fact]
    public async Task No_organisation_is_a_clear_error()
    {
        var connector = new CopilotConnector(Client, Options.Create(new CopilotOptions { BaseUrl = _server.BaseUrl(), Token = Token }), _clock);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => connector.SyncAsync(_connection, "manual", CancellationToken.None));
        Assert.Contains("Pulse:Sources:Copilot:Organization", error.Message, StringComparison.Ordinal);
    }

    private static string FirstDay => """
        {"date": "2026-09-12", "total_active_users": 12, "total_engaged_users": 10,
         "copilot_ide_code_completions": {"total_engaged_users": 9,
           "languages": [{"name": "python", "total_engaged_users": 7}, {"name": "typescript", "total_engaged_users": 3}],
           "editors": [
             {"name": "vscode", "total_engaged_users": 8, "models": [
               {"name": "default", "is_custom_model": false, "total_engaged_users": 8, "languages": [
                 {"name": "python", "total_engaged_users": 5, "total_code_suggestions": 150, "total_code_acceptances": 40, "total_code_lines_suggested": 200, "total_code_lines_accepted": 50},
                 {"name": "typescript", "total_engaged_users": 3, "total_code_suggestions": 50, "total_code_acceptances": 20, "total_code_lines_suggested": 60, "total_code_lines_accepted": 25}]},
               {"name": "tuned", "is_custom_model": true, "total_engaged_users": 2, "languages": [
                 {"name": "python", "total_engaged_users": 2, "total_code_suggestions": 50, "total_code_acceptances": 20, "total_code_lines_suggested": 70, "total_code_lines_accepted": 30}]}]},
             {"name": "JetBrains", "total_engaged_users": 2, "models": [{"name": "default", "languages": [
                 {"name": "python", "total_engaged_users": 2, "total_code_suggestions": 10, "total_code_acceptances": 5}]}]}]},
         "copilot_ide_chat": {"total_engaged_users": 5, "editors": [{"name": "vscode", "total_engaged_users": 5, "models": [{"name": "default", "total_engaged_users": 5, "total_chats": 8}]}]},
         "copilot_dotcom_chat": {"total_engaged_users": 2, "models": [{"name": "default", "total_engaged_users": 2, "total_chats": 3}]},
         "copilot_dotcom_pull_requests": {"total_engaged_users": 2, "repositories": [{"name": "acme/api", "total_engaged_users": 2, "models": [{"name": "default", "total_pr_summaries_created": 3, "total_engaged_users": 2}]}]}}
        """;

    private static string Day(string date, int active, int engaged, string editor) =>
        $$$"""{"date": "{{{date}}}", "total_active_users": {{{active}}}, "total_engaged_users": {{{engaged}}}, "copilot_ide_code_completions": {"total_engaged_users": {{{engaged}}}, "editors": [{{{editor}}}]}}""";

    /// <summary>A client with the handlers the host gives the source, on the test's clock; no retries, so a refusal is seen once.</summary>
    private HttpClient Client => _http ??= new HttpClient(SourceHttp.CreateHandler(_server.BaseUrl(), "GitHub Copilot", new SourceHttpOptions(), _clock));

    private CopilotConnector Connector() =>
        new(Client, Options.Create(new CopilotOptions { BaseUrl = _server.BaseUrl(), Token = Token, Organization = "acme" }), _clock);
}
