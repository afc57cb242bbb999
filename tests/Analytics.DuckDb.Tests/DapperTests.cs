using Dapper;

namespace Analytics.DuckDb.Tests;

public sealed class DapperTests : IDisposable
{
    private readonly DuckDbConnection _connection = new("Data Source=:memory:");

    public DapperTests()
    {
        _connection.Open();
        _connection.Execute("""
            CREATE TABLE teams (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);
            CREATE TABLE deployments (id BIGINT PRIMARY KEY, team_id VARCHAR REFERENCES teams(id), finished_at TIMESTAMPTZ, ok BOOLEAN, labels VARCHAR[]);
            INSERT INTO teams VALUES ('pay', 'Payments'), ('web', 'Web');
            """);
    }

    public sealed record Deployment(long Id, string TeamId, DateTimeOffset FinishedAt, bool Ok, string[] Labels);

    public sealed record Team(string Id, string Name);

    public sealed class DeploymentWithTeam
    {
        public long Id { get; set; }

        public Team? Team { get; set; }
    }

    [Fact]
    public void Execute_with_an_object_list_inserts_every_row()
    {
        var rows = Enumerable.Range(1, 50).Select(i => new
        {
            id = (long)i,
            team = i % 2 == 0 ? "pay" : "web",
            at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            ok = i % 5 != 0,
            labels = $"prod,n{i}",
        });
        var inserted = _connection.Execute("INSERT INTO deployments VALUES ($id, $team, $at, $ok, string_split($labels, ','))", rows);
        Assert.Equal(50, inserted);

        var read = _connection.Query<Deployment>("SELECT id, team_id AS TeamId, finished_at AS FinishedAt, ok, labels FROM deployments WHERE team_id = $team ORDER BY id", new { team = "pay" }).ToList();
        Assert.Equal(25, read.Count);
        Assert.Equal((2L, "pay", new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), true), (read[0].Id, read[0].TeamId, read[0].FinishedAt, read[0].Ok));
        Assert.Equal(["prod", "n2"], read[0].Labels);
        Assert.False(read.Single(d => d.Id == 10).Ok);
    }

    [Fact]
    public void Scalar_queries_map_to_their_types()
    {
        Assert.Equal(2L, _connection.ExecuteScalar<long>("SELECT count(*) FROM teams"));
        Assert.Equal("Web", _connection.QuerySingle<string>("SELECT name FROM teams WHERE id = $id", new { id = "web" }));
        Assert.Null(_connection.QuerySingleOrDefault<string>("SELECT name FROM teams WHERE id = $id", new { id = "none" }));
        Assert.Equal(2.5, _connection.QuerySingle<double>("SELECT median(x) FROM (VALUES (1), (2), (3), (4)) v(x)"));
    }

    [Fact]
    public void Enumerable_parameter_expands_into_an_IN_list()
    {
        var names = _connection.Query<string>("SELECT name FROM teams WHERE id IN $ids ORDER BY name", new { ids = new[] { "pay", "web", "none" } });
        Assert.Equal(["Payments", "Web"], names);
    }

    [Fact]
    public void Multi_mapping_splits_on_the_second_entity()
    {
        _connection.Execute("INSERT INTO deployments VALUES (7, 'pay', now(), true, [])");
        var result = _connection.Query<DeploymentWithTeam, Team, DeploymentWithTeam>(
            "SELECT d.id, t.id, t.name FROM deployments d JOIN teams t ON t.id = d.team_id",
            (deployment, team) =>
            {
                deployment.Team = team;
                return deployment;
            },
            splitOn: "id").Single();
        Assert.Equal(7, result.Id);
        Assert.Equal(new Team("pay", "Payments"), result.Team);
    }

    [Fact]
    public void QueryMultiple_reads_each_statement_as_a_grid()
    {
        using var grid = _connection.QueryMultiple("SELECT id, name FROM teams ORDER BY id; SELECT count(*) FROM teams WHERE id = $id;", new { id = "web" });
        var teams = grid.Read<Team>().ToList();
        var count = grid.ReadSingle<long>();
        Assert.Equal(["pay", "web"], teams.Select(t => t.Id));
        Assert.Equal(1, count);
    }

    [Fact]
    public void Closing_a_reader_runs_the_statements_not_yet_read()
    {
        using (var command = new DuckDbCommand("SELECT 1; INSERT INTO teams VALUES ('ops', 'Ops')", _connection))
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
        }

        Assert.Equal(1L, _connection.QuerySingle<long>("SELECT count(*) FROM teams WHERE id = 'ops'"));
    }

    [Fact]
    public async Task Async_queries_honour_the_token()
    {
        var names = await _connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM teams ORDER BY name", cancellationToken: CancellationToken.None));
        Assert.Equal(["Payments", "Web"], names);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM teams", cancellationToken: cancelled.Token)));
    }

    [Fact]
    public void Transaction_rollback_discards_and_commit_keeps()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO teams VALUES ('ops', 'Ops')", transaction: transaction);
            transaction.Rollback();
        }

        using (var transaction = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO teams VALUES ('sre', 'SRE')", transaction: transaction);
            transaction.Commit();
        }

        Assert.Equal(["pay", "sre", "web"], _connection.Query<string>("SELECT id FROM teams ORDER BY id"));
    }

    public void Dispose() => _connection.Dispose();
}
