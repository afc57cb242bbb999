using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Analytics.Benchmarks;

/// <summary>
/// The DORA metric set of one quarter on the org-scale dataset: PostgreSQL 15 (the row-store approach peer tools
/// use, with indexes) against DuckDB through the metrics service. PostgreSQL is started by <c>postgres.sh</c>
/// (connection string in <c>PULSE_BENCH_PG</c>); the DuckDB dataset is <c>PULSE_BENCH_DB</c>, copied into
/// PostgreSQL on the first run.
/// </summary>
public class PostgresComparisonBenchmarks
{
    private static readonly Quarter Quarter = new(2026, 3);
    private static readonly string[] DoraMetrics = ["deployment_frequency", "lead_time", "change_failure_rate", "recovery_time", "rework_rate"];

    private static readonly (string Table, string Select)[] Tables =
    [
        ("services", "SELECT service_id, team_id, created_on, retired_on FROM services"),
        ("deployments", "SELECT deployment_id, service_id, environment, sha, started_at, finished_at, status, is_rollback, is_hotfix, via_platform, deployed_by FROM deployments"),
        ("changes", "SELECT change_id, kind, parent_change_id, service_id, first_commit_at, '{' || array_to_string(labels, ',') || '}' AS labels, deployment_id, deployed_at FROM changes"),
        ("incidents", "SELECT incident_id, service_id, severity, opened_at, resolved_at, caused_by_deployment_id FROM incidents"),
    ];

    private PulseConnection _keeper = null!;
    private MetricsService _metrics = null!;
    private NpgsqlDataSource _postgres = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("PULSE_BENCH_DB") ?? throw new InvalidOperationException("Set PULSE_BENCH_DB (see docs/benchmarks.md).");
        var postgres = Environment.GetEnvironmentVariable("PULSE_BENCH_PG") ?? throw new InvalidOperationException("Set PULSE_BENCH_PG to the output of postgres.sh.");
        var database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = path }));
        _keeper = database.Open();
        _metrics = new MetricsService(database, Options.Create(new MetricsOptions()));
        _postgres = NpgsqlDataSource.Create(postgres);
        CopyToPostgresOnce();
    }

    [Benchmark(Baseline = true, Description = "PostgreSQL 15: DORA metric set, one quarter")]
    public long PostgreSql()
    {
        using var command = _postgres.CreateCommand(SqlQueries.Get("postgres/dora"));
        command.Parameters.AddWithValue("from", Quarter.Start);
        command.Parameters.AddWithValue("to", Quarter.End);
        command.Parameters.AddWithValue("tz", "UTC");
        command.Parameters.AddWithValue("remediation_hours", 24);
        command.Parameters.AddWithValue("inference_hours", 24);
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            rows += reader.GetInt64(1);
        }

        return rows;
    }

    [Benchmark(Description = "DuckDB: the same DORA metric set through the metrics service")]
    public long DuckDb()
    {
        long rows = 0;
        var query = MetricsQuery.ForQuarter(Quarter);
        foreach (var metric in DoraMetrics)
        {
            rows += _metrics.QueryAsync<object>(metric, query, CancellationToken.None).GetAwaiter().GetResult().Count;
        }

        return rows;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _keeper.Dispose();
        _postgres.Dispose();
    }

    private void CopyToPostgresOnce()
    {
        using var connection = _postgres.OpenConnection();
        using (var check = new NpgsqlCommand("SELECT to_regclass('public.incidents') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'incidents')", connection))
        {
            if ((bool)check.ExecuteScalar()!)
            {
                return;
            }
        }

        using (var schema = new NpgsqlCommand(SqlQueries.Get("postgres/schema"), connection))
        {
            schema.ExecuteNonQuery();
        }

        var folder = Directory.CreateTempSubdirectory("pulse-pg-copy-").FullName;
        foreach (var (table, select) in Tables)
        {
            var file = Path.Combine(folder, $"{table}.csv");
            using (var export = new PulseCommand($"COPY ({select}) TO '{file}' (HEADER, DELIMITER ',')", _keeper))
            {
                export.ExecuteNonQuery();
            }

            using var import = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER)");
            using var source = File.OpenText(file);
            var buffer = new char[1 << 16];
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                import.Write(buffer, 0, read);
            }
        }

        Directory.Delete(folder, recursive: true);
        using var indexes = new NpgsqlCommand(SqlQueries.Get("postgres/indexes"), connection) { CommandTimeout = 0 };
        indexes.ExecuteNonQuery();
    }
}
