using Analytics.Core.Storage;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;

namespace Analytics.Benchmarks;

/// <summary>
/// Reading 10M rows × 3 columns (BIGINT, DOUBLE, INTEGER) through <see cref="DuckDBDataReader"/>, against DuckDB
/// summing the same columns itself.
/// </summary>
public class ReaderBenchmarks
{
    private const int Rows = 10_000_000;
    private PulseConnection _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connection = new PulseConnection("Data Source=:memory:");
        _connection.Open();
        using var command = new PulseCommand($"CREATE TABLE facts AS SELECT i AS a, (i * 0.5)::DOUBLE AS b, (i % 1000)::INTEGER AS c FROM range({Rows}) r(i)", _connection);
        command.ExecuteNonQuery();
    }

    [Benchmark(Baseline = true, Description = "DuckDB SELECT sum(a), sum(b), sum(c)")]
    public double SumInDuckDb()
    {
        using var command = new PulseCommand("SELECT sum(a)::DOUBLE + sum(b) + sum(c)::DOUBLE FROM facts", _connection);
        return (double)command.ExecuteScalar()!;
    }

    [Benchmark(Description = "DbDataReader over 10M rows × 3 columns")]
    public double ReadEveryRow()
    {
        using var command = new PulseCommand("SELECT a, b, c FROM facts", _connection);
        using var reader = command.ExecuteReader();
        double total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(0) + reader.GetDouble(1) + reader.GetInt32(2);
        }

        return total;
    }

    [Benchmark(Description = "Read() only: DuckDB streaming the rows, no values read")]
    public long ReadRowsOnly()
    {
        using var command = new PulseCommand("SELECT a, b, c FROM facts", _connection);
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();
}
