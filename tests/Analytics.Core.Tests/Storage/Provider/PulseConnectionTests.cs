using Analytics.Core.Storage;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Core.Tests.Storage.Provider;

public sealed class PulseConnectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Relative_and_absolute_spellings_of_one_file_share_one_database()
    {
        var absolute = _folder.File("shared.duckdb");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, absolute);
        Assert.False(Path.IsPathRooted(relative));

        using var first = Open($"Data Source={relative}");
        first.Execute("CREATE TABLE items (id INTEGER)");
        using var second = Open($"Data Source={absolute}");
        second.Execute("INSERT INTO items VALUES (1)");
        first.Execute("INSERT INTO items VALUES (2)");

        // Two instances of one file would each see only their own row (and corrupt the file on close).
        Assert.Equal(2, first.ExecuteScalar<int>("SELECT count(*) FROM items"));
        Assert.Equal(2, second.ExecuteScalar<int>("SELECT count(*) FROM items"));
        Assert.Equal(absolute, second.DataSource);
    }

    [Fact]
    public void Named_in_memory_database_is_refused_and_creates_no_file()
    {
        var error = Assert.Throws<ArgumentException>(() => new PulseConnection("Data Source=:memory:shared-name"));
        Assert.Contains(":memory:shared-name", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(":memory:shared-name"));
    }

    [Fact]
    public void Private_in_memory_databases_are_separate()
    {
        using var first = Open("Data Source=:memory:");
        using var second = Open("Data Source=:memory:");
        first.Execute("CREATE TABLE only_here (id INTEGER)");
        Assert.Equal(0, second.ExecuteScalar<int>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'only_here'"));
    }

    [Fact]
    public void Every_session_runs_in_UTC()
    {
        using var connection = Open($"Data Source={_folder.File("zone.duckdb")}");
        Assert.Equal("UTC", connection.ExecuteScalar<string>("SELECT current_setting('TimeZone')"));
        Assert.Equal("2024-01-01 12:00:00+00", connection.ExecuteScalar<string>("SELECT TIMESTAMPTZ '2024-01-01 07:00:00-05'::VARCHAR"));
    }

    [Fact]
    public void Opening_a_file_in_a_missing_folder_creates_the_folder()
    {
        var path = Path.Combine(_folder.Path, "new", "deeper", "pulse.duckdb");
        using (Open($"Data Source={path}"))
        {
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Commands_stream_their_results()
    {
        using var connection = Open("Data Source=:memory:");
        using var created = connection.CreateCommand();
        using var direct = new PulseCommand("SELECT 1", connection);
        Assert.True(created.UseStreamingMode);
        Assert.True(direct.UseStreamingMode);
        Assert.IsType<PulseCommand>(((System.Data.IDbConnection)connection).CreateCommand());
    }

    [Fact]
    public void Streamed_reader_reads_more_rows_than_one_chunk_and_reports_runtime_errors()
    {
        using var connection = Open("Data Source=:memory:");
        Assert.Equal(100_000L, connection.Query<long>("SELECT i FROM range(100000) t(i)").LongCount());
        var error = Assert.Throws<DuckDBException>(() =>
            connection.Query<int>("SELECT CASE WHEN i < 50000 THEN i::INTEGER ELSE error('boom at ' || i) END FROM range(100000) t(i)").ToList());
        Assert.Contains("boom at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_query_is_interrupted_with_OperationCanceledException()
    {
        using var connection = Open("Data Source=:memory:");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM range(1000000000000) a(i), range(10) b(j) WHERE i * j % 7 = 3", cancellationToken: cancellation.Token)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the interrupt took {clock.Elapsed}");
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT 1"));
    }

    [Fact]
    public void Dollar_and_plain_parameter_names_bind_but_at_names_do_not()
    {
        using var connection = Open("Data Source=:memory:");
        Assert.Equal(42, connection.ExecuteScalar<int>("SELECT $answer", new { answer = 42 }));
        Assert.ThrowsAny<DuckDBException>(() => connection.ExecuteScalar<int>("SELECT @answer", new { answer = 42 }));
    }

    [Fact]
    public void No_DuckDB_query_uses_at_parameters()
    {
        // DuckDB reads '@name' as a column reference; the PostgreSQL queries of the comparison benchmark may use it.
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../queries"));
        var offenders = Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .Where(folder => folder != "postgres")
            .SelectMany(folder => SqlQueries.List(folder!))
            .Where(name => System.Text.RegularExpressions.Regex.IsMatch(StripComments(SqlQueries.Get(name)), @"(?<![@\w])@[A-Za-z_]"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void List_parameter_is_one_VARCHAR_list()
    {
        using var connection = Open("Data Source=:memory:");
        var items = connection.Query<string>("SELECT unnest($items) ORDER BY 1", new { items = new ListParameter(["b", "a", "c"]) }).ToList();
        Assert.Equal(["a", "b", "c"], items);
        Assert.Null(connection.ExecuteScalar<int?>("SELECT len($items)", new { items = new ListParameter(null) }));
    }

    public void Dispose() => _folder.Dispose();

    private static string StripComments(string sql) =>
        string.Join('\n', sql.Split('\n').Select(line => line.Split("--")[0]));

    private static PulseConnection Open(string connectionString)
    {
        var connection = new PulseConnection(connectionString);
        connection.Open();
        return connection;
    }
}
