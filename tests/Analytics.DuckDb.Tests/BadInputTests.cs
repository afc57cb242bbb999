using Dapper;

namespace Analytics.DuckDb.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DuckDbConnection _connection;

    public BadInputTests()
    {
        _connection = _database.Open();
        _connection.Execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, score DOUBLE)");
        _connection.Execute("INSERT INTO items VALUES (1, 'kept', 1.5)");
    }

    [Fact]
    public void Syntax_error_carries_DuckDBs_message_and_keeps_data()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("SELEC * FROM items"));
        Assert.Contains("syntax error", error.Message, StringComparison.OrdinalIgnoreCase);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void Missing_named_parameter_names_it()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO items VALUES ($id, $name, $score)", new { id = 2, name = "x" }));
        Assert.Contains("$score", error.Message, StringComparison.Ordinal);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void Too_few_positional_parameters_is_refused()
    {
        using var command = new DuckDbCommand("INSERT INTO items VALUES (?, ?, ?)", _connection);
        command.Parameters.Add(new DuckDbParameter(2));
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteNonQuery());
        Assert.Contains("No value was given for parameter $2", error.Message, StringComparison.Ordinal);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void Too_many_positional_parameters_is_refused()
    {
        using var command = new DuckDbCommand("INSERT INTO items VALUES (?, ?, ?)", _connection);
        foreach (var value in new object[] { 2, "two", 2.0, "extra" })
        {
            command.Parameters.Add(new DuckDbParameter(value));
        }

        var error = Assert.Throws<DuckDbException>(() => command.ExecuteNonQuery());
        Assert.Contains("3 positional parameter(s) but 4", error.Message, StringComparison.Ordinal);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void Parameter_of_the_wrong_type_gets_a_conversion_error()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO items VALUES ($id, $name, $score)", new { id = "not a number", name = "x", score = 1.0 }));
        Assert.Contains("Conversion Error", error.Message, StringComparison.Ordinal);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void Unsupported_parameter_type_is_named()
    {
        using var command = new DuckDbCommand("SELECT $v", _connection);
        command.Parameters.Add("v", new Uri("https://example.org"));
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Contains("Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_into_not_null_column_is_refused()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO items VALUES (2, $name, 1)", new { name = (string?)null }));
        Assert.Contains("NOT NULL constraint failed", error.Message, StringComparison.Ordinal);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void Duplicate_key_fails_the_whole_transaction_and_keeps_earlier_data()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO items VALUES (5, 'five', 5)", transaction: transaction);
            Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO items VALUES (1, 'dup', 0)", transaction: transaction));
        }

        AssertOnlyOriginalRow();
    }

    [Fact]
    public void String_that_looks_like_SQL_stays_data()
    {
        const string hostile = "x'); DROP TABLE items; --";
        _connection.Execute("INSERT INTO items VALUES (2, $name, NULL)", new { name = hostile });
        Assert.Equal(hostile, _connection.QuerySingle<string>("SELECT name FROM items WHERE id = 2"));
        Assert.Equal(2L, _connection.QuerySingle<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public void Appender_row_with_too_few_values_is_refused_and_other_rows_kept()
    {
        using (var appender = _connection.CreateAppender("items"))
        {
            appender.CreateRow().AppendValue(2L).AppendValue("two").AppendValue(2.0).EndRow();
            var error = Assert.Throws<DuckDbException>(() => appender.CreateRow().AppendValue(3L).AppendValue("three").EndRow());
            Assert.Contains("2 value(s) but table 'items' has 3 column(s)", error.Message, StringComparison.Ordinal);
            appender.CreateRow().AppendValue(4L).AppendValue("four").AppendNullValue().EndRow();
        }

        Assert.Equal([1, 2, 4], _connection.Query<int>("SELECT id FROM items ORDER BY id"));
    }

    [Fact]
    public void Appender_row_with_too_many_values_is_refused()
    {
        using var appender = _connection.CreateAppender("items");
        var row = appender.CreateRow().AppendValue(2L).AppendValue("two").AppendValue(2.0);
        var error = Assert.Throws<DuckDbException>(() => row.AppendValue("extra"));
        Assert.Contains("more values than table 'items' has columns (3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appender_value_of_the_wrong_type_names_the_column()
    {
        using var appender = _connection.CreateAppender("items");
        var error = Assert.Throws<DuckDbException>(() => appender.CreateRow().AppendValue("not an id"));
        Assert.Contains("Column 1 of table 'items' is INTEGER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appender_for_a_missing_table_says_so()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.CreateAppender("nope"));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appender_constraint_violation_fails_on_flush_and_keeps_stored_rows()
    {
        var appender = _connection.CreateAppender("items");
        appender.CreateRow().AppendValue(1L).AppendValue("duplicate id").AppendValue(0.0).EndRow();
        var error = Assert.Throws<DuckDbException>(appender.Dispose);
        Assert.Contains("constraint", error.Message, StringComparison.OrdinalIgnoreCase);
        AssertOnlyOriginalRow();
    }

    [Fact]
    public void File_that_is_not_a_DuckDB_database_is_refused_and_left_untouched()
    {
        var path = Path.Combine(Path.GetDirectoryName(_database.Path)!, "notes.txt");
        File.WriteAllText(path, "these are my notes, not a database");
        using var connection = new DuckDbConnection($"Data Source={path}");
        var error = Assert.Throws<DuckDbException>(connection.Open);
        Assert.Contains("not a valid DuckDB database file", error.Message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(path));
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Runtime_error_while_streaming_is_raised()
    {
        using var command = new DuckDbCommand("SELECT CASE WHEN i = 5000 THEN error('boom at 5000') ELSE i END FROM range(10000) r(i)", _connection);
        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
        });
        Assert.Contains("boom at 5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Use_after_dispose_throws_and_dispose_twice_is_safe()
    {
        var connection = _database.Open();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        var appender = connection.CreateAppender("items");
        appender.Dispose();
        appender.Dispose();
        connection.Dispose();
        connection.Dispose();
        Assert.Throws<ObjectDisposedException>(connection.Open);
        Assert.Throws<ObjectDisposedException>(() => command.ExecuteScalar());
        Assert.Throws<ObjectDisposedException>(() => appender.CreateRow());
        command.Dispose();
        command.Dispose();
        Assert.Throws<ObjectDisposedException>(() => command.ExecuteScalar());
    }

    [Fact]
    public void Cancelled_query_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var command = new DuckDbCommand("SELECT count(*) FROM range(1000000000000) a(i), range(10) b(j) WHERE i * j % 7 = 3", _connection);
        Assert.ThrowsAny<OperationCanceledException>(() => command.ExecuteScalarAsync(cancellation.Token).GetAwaiter().GetResult());
        AssertOnlyOriginalRow();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    private void AssertOnlyOriginalRow()
    {
        var rows = _connection.Query<(int Id, string Name)>("SELECT id, name FROM items ORDER BY id").ToList();
        Assert.Equal([(1, "kept")], rows);
    }
}
