using Analytics.Core.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Core.Tests.Storage;

public sealed class MigrationRunnerTests
{
    private readonly MigrationRunner _runner = new(NullLogger<MigrationRunner>.Instance, TimeProvider.System);

    [Fact]
    public async Task Embedded_migrations_create_every_canonical_table()
    {
        using var connection = MemoryDatabase.Open();
        var applied = await _runner.ApplyAsync(connection, CancellationToken.None);
        Assert.Equal(Migration.Embedded().Count, applied);
        var tables = connection.Query<string>("SELECT table_name FROM duckdb_tables() ORDER BY table_name").ToHashSet();
        foreach (var table in new[] { "teams", "services", "service_capabilities", "engineers", "deployments", "changes", "incidents", "work_items",
            "surveys", "survey_questions", "survey_waves", "survey_invitations", "survey_responses", "survey_answers", "moment_ratings",
            "ingestion_runs", "ingestion_watermarks", "dead_letters", "schema_migrations" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task Migrated_file_reopens_after_a_crash_because_the_schema_is_checkpointed()
    {
        var folder = Directory.CreateTempSubdirectory("pulse-migrate-").FullName;
        try
        {
            var path = Path.Combine(folder, "crash.duckdb");
            using (var connection = new Analytics.Core.Storage.PulseConnection($"Data Source={path}"))
            {
                connection.Open();
                await _runner.ApplyAsync(connection, CancellationToken.None);

                // What a crash leaves behind is the WAL; after migrations it must hold nothing to replay.
                var wal = new FileInfo(path + ".wal");
                var walBytes = wal.Exists ? wal.Length : 0;
                Assert.True(walBytes == 0, $"the WAL holds {walBytes} bytes after migrating");
            }

            using var reopened = new Analytics.Core.Storage.PulseConnection($"Data Source={path}");
            reopened.Open();
            Assert.Equal(Migration.Embedded().Count, reopened.QuerySingle<int>("SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Applying_twice_is_a_no_op_that_keeps_data()
    {
        using var connection = MemoryDatabase.Open();
        await _runner.ApplyAsync(connection, CancellationToken.None);
        connection.Execute("INSERT INTO teams (team_id, name, source) VALUES ('t', 'T', 'test')");
        Assert.Equal(0, await _runner.ApplyAsync(connection, CancellationToken.None));
        Assert.Equal("T", connection.QuerySingle<string>("SELECT name FROM teams"));
        Assert.Equal(Migration.Embedded().Count, connection.QuerySingle<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migration_failing_half_way_rolls_back_whole_and_keeps_earlier_data()
    {
        using var connection = MemoryDatabase.Open();
        var first = new Migration(1, "0001_first", "CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (1);");
        await _runner.ApplyAsync(connection, [first], CancellationToken.None);

        var broken = new Migration(2, "0002_broken", "CREATE TABLE half (x INTEGER); INSERT INTO kept VALUES (2); INSERT INTO missing_table VALUES (3);");
        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => _runner.ApplyAsync(connection, [first, broken], CancellationToken.None));

        Assert.Contains("0002_broken failed and was rolled back", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
        Assert.Equal([1], connection.Query<int>("SELECT x FROM kept"));
        Assert.Equal(0, connection.QuerySingle<int>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'half'"));
        Assert.Equal([1], connection.Query<int>("SELECT version FROM schema_migrations"));
    }

    [Fact]
    public async Task Migration_edited_after_it_ran_is_refused()
    {
        using var connection = MemoryDatabase.Open();
        await _runner.ApplyAsync(connection, [new Migration(1, "0001_a", "CREATE TABLE a (x INTEGER);")], CancellationToken.None);
        var error = await Assert.ThrowsAsync<MigrationFailedException>(() =>
            _runner.ApplyAsync(connection, [new Migration(1, "0001_a", "CREATE TABLE a (x BIGINT);")], CancellationToken.None));
        Assert.Contains("was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first")]
    [InlineData("x_first")]
    [InlineData("_first")]
    public void Migration_file_without_a_number_is_refused(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Migration.Parse(name, "SELECT 1"));
        Assert.Contains("NNNN_description.sql", error.Message, StringComparison.Ordinal);
    }
}
