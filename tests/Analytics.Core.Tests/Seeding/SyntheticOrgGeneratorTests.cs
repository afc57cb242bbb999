using Analytics.Core.Seeding;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Tests.Seeding;

public sealed class SyntheticOrgGeneratorTests
{
    private static readonly DateOnly Until = new(2026, 10, 1);

    [Fact]
    public async Task Same_seed_gives_identical_data_and_another_seed_differs()
    {
        var first = await FingerprintAsync(new SeedOptions(60, 120, 7, Until));
        var again = await FingerprintAsync(new SeedOptions(60, 120, 7, Until));
        var other = await FingerprintAsync(new SeedOptions(60, 120, 8, Until));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Organisation_has_the_requested_head_count_and_every_reference_resolves()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        var summary = new SyntheticOrgGenerator(new SeedOptions(120, 180, 3, Until), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);

        Assert.Equal(120, connection.QuerySingle<long>("SELECT count(*) FROM engineers"));
        Assert.Equal(summary.RowsByTable["deployments"], connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
        Assert.Equal(1, connection.QuerySingle<long>("SELECT count(*) FROM teams WHERE is_platform_team"));
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM engineers e WHERE NOT EXISTS (SELECT 1 FROM teams t WHERE t.team_id = e.team_id)"));
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM deployments d WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.service_id = d.service_id)"));
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM changes c WHERE c.deployment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deployments d WHERE d.deployment_id = c.deployment_id)"));
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM changes WHERE first_commit_at > merged_at OR opened_at > first_review_at OR first_review_at > merged_at"));
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM deployments WHERE started_at < TIMESTAMPTZ '2026-04-04' - INTERVAL 1 DAY OR started_at >= TIMESTAMPTZ '2026-10-01'"));
    }

    [Fact]
    public async Task Distributions_follow_the_team_tiers()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        new SyntheticOrgGenerator(new SeedOptions(400, 180, 11, Until), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);

        // Teams cluster by delivery performance: the fastest quarter of teams deploys far more often, with far
        // shorter lead times, than the slowest quarter.
        var perTeam = connection.Query<(string Team, double DeploysPerService, double LeadHours)>("""
            SELECT s.team_id,
                   count(DISTINCT d.deployment_id) / count(DISTINCT s.service_id)::DOUBLE,
                   median(epoch(d.started_at - c.first_commit_at) / 3600)
            FROM services s
            JOIN deployments d ON d.service_id = s.service_id AND d.environment = 'production'
            JOIN changes c ON c.deployment_id = d.deployment_id AND c.kind = 'pull_request'
            GROUP BY s.team_id
            """).OrderByDescending(t => t.DeploysPerService).ToList();
        var quarter = perTeam.Count / 4;
        var fast = perTeam.Take(quarter).ToList();
        var slow = perTeam.TakeLast(quarter).ToList();
        Assert.True(fast.Average(t => t.DeploysPerService) > 8 * slow.Average(t => t.DeploysPerService));
        Assert.True(fast.Average(t => t.LeadHours) * 4 < slow.Average(t => t.LeadHours));

        var (production, linked) = connection.QuerySingle<(long, long)>(
            "SELECT (SELECT count(*) FROM deployments WHERE environment = 'production'), (SELECT count(caused_by_deployment_id) FROM incidents)");
        Assert.InRange(linked / (double)production, 0.02, 0.3);
        Assert.True(connection.QuerySingle<long>("SELECT count(*) FROM incidents WHERE caused_by_deployment_id IS NULL") > linked);
        Assert.True(connection.QuerySingle<long>("SELECT count(*) FROM deployments WHERE is_rollback") > 0);
        Assert.True(connection.QuerySingle<long>("SELECT count(*) FROM deployments WHERE is_hotfix") > 0);
    }

    [Fact]
    public async Task New_hires_make_a_first_deployment_after_their_start_date()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        new SyntheticOrgGenerator(new SeedOptions(300, 365, 5, Until), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        var days = connection.Query<long>("""
            SELECT min(d.started_at::DATE) - e.start_date
            FROM engineers e JOIN deployments d ON d.deployed_by = e.engineer_id AND d.environment = 'production'
            WHERE e.start_date >= DATE '2025-10-01'
            GROUP BY e.engineer_id, e.start_date
            """).ToList();
        Assert.True(days.Count >= 10, $"only {days.Count} new hires deployed");
        Assert.All(days, d => Assert.True(d >= 0));
        Assert.InRange(days.Order().ElementAt(days.Count / 2), 3, 90);
    }

    [Fact]
    public async Task Survey_answers_stay_in_range_and_anonymous()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        new SyntheticOrgGenerator(new SeedOptions(100, 365, 9, Until), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        Assert.Equal(0, connection.QuerySingle<long>("""
            SELECT count(*) FROM survey_answers a JOIN survey_questions q USING (question_id)
            WHERE (q.kind = 'nps' AND a.numeric_value NOT BETWEEN 0 AND 10) OR (q.kind = 'likert' AND a.numeric_value NOT BETWEEN 1 AND 5)
            """));
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM survey_responses WHERE engineer_id IS NOT NULL OR submitted_at <> date_trunc('day', submitted_at)"));
        Assert.InRange(connection.QuerySingle<long>("SELECT count(*) FROM survey_waves"), 3, 5);
    }

    [Fact]
    public async Task Replace_swaps_the_data_and_cancellation_stores_nothing()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        new SyntheticOrgGenerator(new SeedOptions(30, 60, 1, Until), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        var before = connection.QuerySingle<long>("SELECT count(*) FROM deployments");

        using var cancelled = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Fraction > 0.3)
            {
                cancelled.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new SyntheticOrgGenerator(new SeedOptions(50, 90, 2, Until), TimeProvider.System).Generate(connection, true, progress, cancelled.Token));
        Assert.Equal(before, connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
        Assert.Equal(30, connection.QuerySingle<long>("SELECT count(*) FROM engineers"));

        new SyntheticOrgGenerator(new SeedOptions(50, 90, 2, Until), TimeProvider.System).Generate(connection, true, null, CancellationToken.None);
        Assert.Equal(50, connection.QuerySingle<long>("SELECT count(*) FROM engineers"));
    }

    [Theory]
    [InlineData(5, 365, "--engineers must be between 10 and 100000 (got 5).")]
    [InlineData(100, 3, "--days must be between 7 and 3650 (got 3).")]
    public void Out_of_range_options_are_named(int engineers, int days, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SyntheticOrgGenerator(new SeedOptions(engineers, days, 1, Until), TimeProvider.System));
        Assert.Equal(message, error.Message);
    }

    private static async Task<string> FingerprintAsync(SeedOptions options)
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        new SyntheticOrgGenerator(options, TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        var parts = new List<string>();
        foreach (var table in new[] { "teams", "services", "engineers", "deployments", "changes", "incidents", "work_items", "survey_responses", "survey_answers" })
        {
            // Hash every column except the time the row was written.
            var columns = Stamp(connection, table) is { } stamp ? $"* EXCLUDE ({stamp})" : "*";
            parts.Add(connection.QuerySingle<string>($"SELECT count(*) || ':' || coalesce(sum(hash(r)), 0) FROM (SELECT {columns} FROM {table}) r"));
        }

        return string.Join("|", parts);
    }

    private static string? Stamp(PulseConnection connection, string table) =>
        connection.QuerySingleOrDefault<string>("SELECT column_name FROM duckdb_columns() WHERE table_name = $table AND column_name IN ('updated_at', 'ingested_at')", new { table });

    private sealed class SynchronousProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
