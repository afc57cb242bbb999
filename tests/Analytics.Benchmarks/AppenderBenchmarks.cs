using Analytics.Core.Storage;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Loading 1M rows (BIGINT, VARCHAR, TIMESTAMPTZ, BOOLEAN) through the appender, against DuckDB generating and
/// inserting the same rows itself with <c>INSERT INTO … SELECT … FROM range(n)</c>.
/// </summary>
[MemoryDiagnoser]
public class AppenderBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-bench-").FullName;
    private readonly string[] _services = Enumerable.Range(0, 97).Select(i => $"service-{i}").ToArray();
    private PulseConnection _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connection = new PulseConnection($"Data Source={Path.Combine(_folder, "bench.duckdb")}");
        _connection.Open();
    }

    [IterationSetup]
    public void FreshTable() => Execute("CREATE OR REPLACE TABLE deployments (id BIGINT, service VARCHAR, finished_at TIMESTAMPTZ, ok BOOLEAN)");

    [Benchmark(Baseline = true, Description = "DuckDB INSERT … SELECT FROM range(1M)")]
    public void InsertSelectRange() => Execute(
        $"INSERT INTO deployments SELECT i, 'service-' || (i % 97), TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds(i), i % 10 <> 0 FROM range({Rows}) r(i)");

    [Benchmark(Description = "Appender, 1M rows")]
    public void Appender()
    {
        using var appender = _connection.CreateAppender("deployments");
        for (var i = 0; i < Rows; i++)
        {
            appender.CreateRow()
                .AppendValue((long)i)
                .AppendValue(_services[i % 97])
                .AppendValue(Start.AddSeconds(i))
                .AppendValue(i % 10 != 0)
                .EndRow();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Execute(string sql)
    {
        using var command = new PulseCommand(sql, _connection);
        command.ExecuteNonQuery();
    }
}
