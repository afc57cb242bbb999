using System.Text.Json;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.DemoData;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.DemoData;

public sealed class DemoDataLoaderTests : IAsyncLifetime, IDisposable
{
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        await new DemoDataLoader(NullLogger<DemoDataLoader>.Instance, _clock).LoadAsync(_connection, SamplePaths.Root, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Every_source_record_is_stored_once()
    {
        var deployments = CountJsonArrays("github/*/deployments.json", root => root.GetArrayLength());
        var pulls = CountJsonArrays("github/*/pulls.json", root => root.EnumerateArray().Count(p => p.GetProperty("merged_at").ValueKind != JsonValueKind.Null));
        var commits = CountJsonArrays("github/*/pull_commits.json", root => root.EnumerateObject().Sum(p => p.Value.GetArrayLength()));
        var incidents = CountJsonArrays("pagerduty/*.json", root => root.GetProperty("incidents").GetArrayLength());
        var issues = CountJsonArrays("jira/*.json", root => root.GetProperty("issues").GetArrayLength());
        var responses = Directory.EnumerateFiles(Path.Combine(SamplePaths.Root, "surveys"), "*.csv").Sum(f => File.ReadLines(f).Count() - 1);

        Assert.Equal(deployments, Count("deployments"));
        Assert.Equal(pulls, Count("changes WHERE kind = 'pull_request'"));
        Assert.Equal(commits, Count("changes WHERE kind = 'commit'"));
        Assert.Equal(incidents, Count("incidents"));
        Assert.Equal(issues, Count("work_items"));
        Assert.Equal(responses, Count("survey_responses"));
        Assert.Equal(4, Count("teams"));
        Assert.Equal(8, Count("services"));
        Assert.Equal(2, Count("survey_waves WHERE status = 'closed'"));
        // Plus one open anonymous wave around the loader's today, so that a fresh install has a survey to answer.
        Assert.Equal(1L, _connection.QuerySingle<long>(
            "SELECT count(*) FROM survey_waves WHERE wave_id = 'devex-pulse-now' AND status = 'open' AND is_anonymous AND $now BETWEEN opens_at AND closes_at",
            new { now = _clock.GetUtcNow() }));
    }

    [Fact]
    public void Each_demo_source_is_recorded_as_one_finished_import_run_with_the_rows_it_loaded()
    {
        var runs = _connection.Query<(string Source, string Trigger, string Status, long Inserted, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)>(
            "SELECT source, trigger, status, rows_inserted, started_at, finished_at FROM ingestion_runs ORDER BY source").ToList();

        Assert.Equal(["backstage (demo data)", "github (demo data)", "jira (demo data)", "pagerduty (demo data)", "surveys (demo data)"], runs.Select(r => r.Source));
        Assert.All(runs, r => Assert.Equal(("import", "succeeded", _clock.GetUtcNow(), _clock.GetUtcNow()), (r.Trigger, r.Status, r.StartedAt, r.FinishedAt)));
        var inserted = runs.ToDictionary(r => r.Source, r => r.Inserted);
        Assert.Equal(Count("teams") + Count("services") + Count("service_capabilities") + Count("engineers"), inserted["backstage (demo data)"]);
        Assert.Equal(Count("deployments") + Count("changes"), inserted["github (demo data)"]);
        Assert.Equal(Count("incidents"), inserted["pagerduty (demo data)"]);
        Assert.Equal(Count("work_items"), inserted["jira (demo data)"]);
        Assert.Equal(Count("surveys") + Count("survey_questions") + Count("survey_waves") + Count("survey_responses") + Count("survey_answers"), inserted["surveys (demo data)"]);
    }

    [Fact]
    public void Catalog_annotations_become_onboarding_templates_and_capabilities()
    {
        var ledger = _connection.QuerySingle<(DateOnly? Onboarded, string? Template, string Team)>(
            "SELECT onboarded_on, golden_path_template, team_id FROM services WHERE service_id = 'payments-ledger'");
        Assert.Equal((new DateOnly(2026, 2, 2), "go-grpc-service", "payments"), ledger);
        Assert.Null(_connection.QuerySingle<DateOnly?>("SELECT onboarded_on FROM services WHERE service_id = 'notifications'"));
        Assert.Equal(["ci", "deploys", "observability", "secrets"], _connection.Query<string>("SELECT capability FROM service_capabilities WHERE service_id = 'payments-api' ORDER BY capability"));
        Assert.True(_connection.QuerySingle<bool>("SELECT is_platform_team FROM teams WHERE team_id = 'platform'"));
    }

    [Fact]
    public void Pull_requests_are_linked_to_the_production_deployment_of_their_merge_commit()
    {
        var unlinkedBeforeLastDeploy = _connection.QuerySingle<long>("""
            SELECT count(*) FROM changes c
            WHERE c.deployment_id IS NULL AND c.merged_at < (SELECT max(started_at) FROM deployments d WHERE d.service_id = c.service_id AND d.environment = 'production' AND d.status = 'success')
            """);
        Assert.Equal(0, unlinkedBeforeLastDeploy);
        var mismatched = _connection.QuerySingle<long>("""
            SELECT count(*) FROM changes c JOIN deployments d ON d.deployment_id = c.deployment_id
            WHERE c.kind = 'pull_request' AND (d.environment <> 'production' OR d.status <> 'success' OR d.started_at < c.merged_at OR d.service_id <> c.service_id)
            """);
        Assert.Equal(0, mismatched);
        var bySha = _connection.QuerySingle<long>("""
            SELECT count(*) FROM changes c JOIN deployments d ON d.deployment_id = c.deployment_id
            WHERE c.kind = 'pull_request' AND c.sha = d.sha
            """);
        Assert.True(bySha > 1000, $"only {bySha} pull requests matched their deployment by sha");
    }

    [Fact]
    public void Incidents_naming_a_commit_are_linked_to_its_deployment()
    {
        var withSha = _connection.QuerySingle<long>("SELECT count(caused_by_sha) FROM incidents");
        var linked = _connection.QuerySingle<long>("""
            SELECT count(*)
            FROM incident_attribution(true, 24, TIMESTAMPTZ '2000-01-01 00:00:00Z', TIMESTAMPTZ '2100-01-01 00:00:00Z') a
            JOIN incidents i USING (incident_id)
            WHERE i.caused_by_sha IS NOT NULL AND NOT a.inferred
            """);
        Assert.True(withSha > 50);
        Assert.Equal(withSha, linked);
        Assert.Equal(0, _connection.QuerySingle<long>("SELECT count(*) FROM incidents WHERE service_id IS NULL"));
    }

    [Fact]
    public void Support_requests_keep_their_category_requester_and_first_response()
    {
        var (requests, categorised, answered, withRequester) = _connection.QuerySingle<(long, long, long, long)>("""
            SELECT count(*), count(request_category), count(first_response_at), count(requester_team_id)
            FROM work_items WHERE kind = 'support_request'
            """);
        Assert.True(requests > 50);
        Assert.Equal(requests, categorised);
        Assert.Equal(requests, answered);
        Assert.Equal(requests, withRequester);
        Assert.Equal(0, _connection.QuerySingle<long>("SELECT count(*) FROM work_items WHERE first_response_at < created_at OR resolved_at < created_at"));
    }

    [Fact]
    public void The_DORA_profile_items_are_an_optional_block_the_closed_waves_asked_and_the_open_wave_does_not()
    {
        // Twelve required items outside any block made the open wave's two-minute form refuse every answer that skipped them.
        Assert.Equal(12, Count("survey_questions WHERE question_id LIKE 'dp\\_%' ESCAPE '\\' AND block = 'dora-profile'"));
        Assert.Equal(0, Count("survey_questions WHERE question_id LIKE 'dp\\_%' ESCAPE '\\' AND block IS NULL"));
        Assert.Equal(Count("survey_waves WHERE status = 'closed'"), Count("survey_waves WHERE status = 'closed' AND list_contains(optional_blocks, 'dora-profile')"));
        Assert.Equal(1, Count("survey_waves WHERE status = 'open' AND optional_blocks IS NULL"));
        Assert.True(Count("survey_answers WHERE question_id LIKE 'dp\\_%' ESCAPE '\\'") > 0);
    }

    private long Count(string from) => _connection.QuerySingle<long>($"SELECT count(*) FROM {from}");

    private static long CountJsonArrays(string pattern, Func<JsonElement, int> count)
    {
        var folder = Path.Combine(SamplePaths.Root, Path.GetDirectoryName(pattern)!.Replace("*", string.Empty, StringComparison.Ordinal));
        var files = pattern.Contains("github/*", StringComparison.Ordinal)
            ? Directory.EnumerateDirectories(Path.Combine(SamplePaths.Root, "github")).Select(d => Path.Combine(d, Path.GetFileName(pattern)))
            : Directory.EnumerateFiles(folder, Path.GetFileName(pattern));
        return files.Sum(file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return count(document.RootElement);
        });
    }
}
