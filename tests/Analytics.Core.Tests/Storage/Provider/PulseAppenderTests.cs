using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Tests.Storage.Provider;

public sealed class PulseAppenderTests : IDisposable
{
    private readonly PulseConnection _connection = new("Data Source=:memory:");

    public PulseAppenderTests()
    {
        _connection.Open();
        _connection.Execute("CREATE TABLE events (id BIGINT, happened TIMESTAMPTZ, naive TIMESTAMP, tags VARCHAR[], counts BIGINT[])");
    }

    [Fact]
    public void Local_DateTime_is_appended_as_its_UTC_instant()
    {
        var instant = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        using (var appender = _connection.CreateAppender("events"))
        {
            appender.CreateRow().AppendValue(1L).AppendValue(instant.ToLocalTime()).AppendValue(instant.ToLocalTime())
                .AppendNullValue().AppendNullValue().EndRow();
        }

        var (at, naive) = _connection.QuerySingle<(string, string)>("SELECT happened::VARCHAR, naive::VARCHAR FROM events");
        Assert.Equal("2024-06-01 12:00:00+00", at);
        Assert.Equal("2024-06-01 12:00:00", naive);
    }

    [Fact]
    public void DateTimeOffset_is_appended_as_its_UTC_instant()
    {
        using (var appender = _connection.CreateAppender("events"))
        {
            var at = new DateTimeOffset(2024, 6, 1, 14, 0, 0, TimeSpan.FromHours(2));
            appender.CreateRow().AppendValue(1L).AppendValue(at).AppendValue(at).AppendNullValue().AppendNullValue().EndRow();
        }

        var (stored, naive) = _connection.QuerySingle<(DateTimeOffset, string)>("SELECT happened, naive::VARCHAR FROM events");
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero), stored);
        Assert.Equal("2024-06-01 12:00:00", naive);
    }

    [Fact]
    public void Lists_and_boxed_values_are_appended()
    {
        using (var appender = _connection.CreateAppender("events"))
        {
            appender.CreateRow().AppendValue((object)7).AppendValue((object?)null).AppendNullValue()
                .AppendValue(new[] { "a", null, "c" }).AppendValue(new long[] { 1, 2 }).EndRow();
        }

        var row = _connection.QuerySingle<(long Id, string[] Tags, long[] Counts)>("SELECT id, tags, counts FROM events");
        Assert.Equal(7, row.Id);
        Assert.Equal(new string?[] { "a", null, "c" }, row.Tags);
        Assert.Equal([1L, 2L], row.Counts);
    }

    [Theory]
    [InlineData("too few")]
    [InlineData("wrong type")]
    [InlineData("unsupported type")]
    public void Refused_row_is_dropped_and_the_rows_before_it_stay(string fault)
    {
        using (var appender = _connection.CreateAppender("events"))
        {
            appender.CreateRow().AppendValue(1L).AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().EndRow();
            var row = appender.CreateRow();
            var error = Assert.Throws<InvalidOperationException>(() => _ = fault switch
            {
                "too few" => Ended(row.AppendValue(2L)),
                "wrong type" => row.AppendValue("not a number"),
                _ => row.AppendValue((object)new Uri("https://example.org")),
            });
            Assert.False(string.IsNullOrWhiteSpace(error.Message));

            // DuckDB.NET takes no further rows from an appender once one failed: the caller starts a new one.
            if (fault is "too few" or "wrong type")
            {
                Assert.Throws<InvalidOperationException>(() => appender.CreateRow());
            }
        }

        Assert.Equal([1L], _connection.Query<long>("SELECT id FROM events ORDER BY id"));
    }

    [Fact]
    public void Numbers_are_converted_to_their_columns_exact_type()
    {
        // DuckDB.NET copies a value's bytes as they are: a long in a DOUBLE column would read back as 4.4E-323.
        _connection.Execute("CREATE TABLE numbers (d DOUBLE, i INTEGER, s SMALLINT, m DECIMAL(10,2), h HUGEINT, f FLOAT, b BIGINT)");
        using (var appender = _connection.CreateAppender("numbers"))
        {
            appender.CreateRow().AppendValue(9L).AppendValue(5L).AppendValue(7L).AppendValue(1.235).AppendValue(13L).AppendValue(2L).AppendValue((object)11).EndRow();
        }

        var row = _connection.QuerySingle<(double D, int I, short S, decimal M, string H, float F, long B)>(
            "SELECT d, i, s, m, h::VARCHAR AS h, f, b FROM numbers");
        Assert.Equal((9.0, 5, (short)7, 1.24m, "13", 2f, 11L), row);
    }

    [Fact]
    public void Value_that_does_not_fit_its_column_is_refused_naming_it()
    {
        _connection.Execute("CREATE TABLE small (s SMALLINT)");
        using (var appender = _connection.CreateAppender("small"))
        {
            var error = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().AppendValue(100_000L));
            Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
        }

        using (var appender = _connection.CreateAppender("small"))
        {
            var wrongType = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().AppendValue(true));
            Assert.Contains("SMALLINT", wrongType.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, _connection.ExecuteScalar<int>("SELECT count(*) FROM small"));
    }

    [Fact]
    public void Value_past_the_last_column_is_refused()
    {
        using var appender = _connection.CreateAppender("events");
        var row = appender.CreateRow().AppendValue(3L).AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
        var error = Assert.Throws<InvalidOperationException>(() => row.AppendValue(4L));
        Assert.Contains("events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appender_for_a_missing_table_names_it()
    {
        var error = Assert.ThrowsAny<Exception>(() => _connection.CreateAppender("no_such_table"));
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Temporary_table_takes_catalog_and_schema()
    {
        _connection.Execute("CREATE TEMP TABLE staging (id BIGINT)");
        using (var appender = _connection.CreateAppender("temp", "main", "staging"))
        {
            appender.CreateRow().AppendValue(9L).EndRow();
        }

        Assert.Equal(9, _connection.ExecuteScalar<long>("SELECT id FROM temp.main.staging"));
    }

    public void Dispose() => _connection.Dispose();

    private static PulseAppenderRow Ended(PulseAppenderRow row)
    {
        row.EndRow();
        return row;
    }
}
