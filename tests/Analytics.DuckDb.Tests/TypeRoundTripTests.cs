namespace Analytics.DuckDb.Tests;

public sealed class TypeRoundTripTests
{
    public static TheoryData<string, object> Values => new()
    {
        { "BOOLEAN", true },
        { "BOOLEAN", false },
        { "TINYINT", sbyte.MinValue },
        { "TINYINT", sbyte.MaxValue },
        { "SMALLINT", short.MinValue },
        { "SMALLINT", short.MaxValue },
        { "INTEGER", int.MinValue },
        { "INTEGER", int.MaxValue },
        { "BIGINT", long.MinValue },
        { "BIGINT", long.MaxValue },
        { "UBIGINT", ulong.MaxValue },
        { "HUGEINT", Int128.MinValue + 1 },
        { "HUGEINT", Int128.MaxValue },
        { "HUGEINT", (Int128)(-42) },
        { "FLOAT", float.MaxValue },
        { "FLOAT", -1.5f },
        { "DOUBLE", double.Epsilon },
        { "DOUBLE", double.MinValue },
        { "DOUBLE", Math.PI },
        { "DECIMAL(4,1)", 123.4m },
        { "DECIMAL(9,3)", -999999.999m },
        { "DECIMAL(18,6)", 123456789012.345678m },
        { "DECIMAL(38,10)", -1234567890123456.0123456789m },
        { "VARCHAR", "" },
        { "VARCHAR", "short" },
        { "VARCHAR", "exactly12chr" },
        { "VARCHAR", "a longer string with ünïcödé, emoji 🚀 and quotes ' \"" },
        { "VARCHAR", new string('x', 100_000) },
        { "BLOB", new byte[] { 0, 1, 2, 255, 0 } },
        { "BLOB", Array.Empty<byte>() },
        { "DATE", new DateOnly(1, 1, 1) },
        { "DATE", new DateOnly(1970, 1, 1) },
        { "DATE", new DateOnly(9999, 12, 31) },
        { "TIMESTAMP", new DateTime(1969, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9990) },
        { "TIMESTAMP", new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc) },
        { "TIMESTAMP", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        { "TIMESTAMPTZ", new DateTimeOffset(2026, 10, 25, 0, 59, 59, TimeSpan.Zero) },
        { "TIMESTAMPTZ", new DateTimeOffset(2262, 4, 11, 23, 47, 16, TimeSpan.Zero) },
        { "INTERVAL", TimeSpan.FromDays(400) + TimeSpan.FromMicroseconds(7) },
        { "INTERVAL", -TimeSpan.FromHours(5) },
        { "INTERVAL", TimeSpan.Zero },
        { "UUID", Guid.Parse("00000000-0000-0000-0000-000000000000") },
        { "UUID", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff") },
        { "UUID", Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff") },
        { "VARCHAR[]", new[] { "a", "", "long string over twelve bytes" } },
        { "VARCHAR[]", Array.Empty<string>() },
        { "BIGINT[]", new[] { long.MinValue, 0L, long.MaxValue } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Parameter_stored_and_read_back_is_equal(string type, object value)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE t (v {type})");
        using (var insert = new DuckDbCommand("INSERT INTO t VALUES ($v)", connection))
        {
            insert.Parameters.Add("v", value);
            Assert.Equal(1, insert.ExecuteNonQuery());
        }

        using var select = new DuckDbCommand("SELECT v FROM t", connection);
        using var reader = select.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(value.GetType(), reader.GetFieldType(0));
        Assert.Equal(value, reader.GetValue(0));
        Assert.False(reader.Read());
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Appended_value_is_read_back_equal(string type, object value)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE t (v {type})");
        using (var appender = connection.CreateAppender("t"))
        {
            appender.CreateRow().AppendValue(value).EndRow();
        }

        using var select = new DuckDbCommand("SELECT v FROM t", connection);
        Assert.Equal(value, select.ExecuteScalar());
    }

    [Theory]
    [InlineData("BOOLEAN")]
    [InlineData("TINYINT")]
    [InlineData("INTEGER")]
    [InlineData("BIGINT")]
    [InlineData("UBIGINT")]
    [InlineData("HUGEINT")]
    [InlineData("DOUBLE")]
    [InlineData("DECIMAL(18,3)")]
    [InlineData("VARCHAR")]
    [InlineData("BLOB")]
    [InlineData("DATE")]
    [InlineData("TIMESTAMP")]
    [InlineData("TIMESTAMPTZ")]
    [InlineData("INTERVAL")]
    [InlineData("UUID")]
    [InlineData("VARCHAR[]")]
    [InlineData("BIGINT[]")]
    public void Null_round_trips_for_every_type(string type)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE t (v {type})");
        using (var insert = new DuckDbCommand("INSERT INTO t VALUES ($v)", connection))
        {
            insert.Parameters.Add("v", null);
            insert.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("t"))
        {
            appender.CreateRow().AppendNullValue().EndRow();
        }

        using var select = new DuckDbCommand("SELECT v FROM t", connection);
        using var reader = select.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            Assert.True(reader.IsDBNull(0));
            Assert.Equal(DBNull.Value, reader.GetValue(0));
        }

        Assert.Equal(2, rows);
    }

    [Fact]
    public void Values_are_read_across_many_chunks_with_nulls_in_place()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = new DuckDbCommand(
            "SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'value ' || i END AS s FROM range(10000) r(i) ORDER BY i", connection);
        using var reader = command.ExecuteReader();
        long expected = 0;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            Assert.Equal(expected % 7 == 0, reader.IsDBNull(1));
            if (expected % 7 != 0)
            {
                Assert.Equal($"value {expected}", reader.GetString(1));
            }

            expected++;
        }

        Assert.Equal(10000, expected);
    }

    [Fact]
    public void Typed_getters_convert_widening_and_refuse_NULL()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = new DuckDbCommand("SELECT 7::INTEGER AS i, 12.25::DECIMAL(21,2) AS d, NULL::BIGINT AS n, 2.5::DOUBLE AS f", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(7L, reader.GetInt64(0));
        Assert.Equal(7.0, reader.GetDouble(0));
        Assert.Equal(12.25, reader.GetDouble(1));
        Assert.Equal(12.25m, reader.GetDecimal(1));
        Assert.Equal(2.5, reader.GetDouble(3));
        var error = Assert.Throws<InvalidCastException>(() => reader.GetInt64(2));
        Assert.Equal("Column 'n' is NULL.", error.Message);
        Assert.Throws<InvalidCastException>(() => reader.GetString(0));
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetInt64(0));
    }

    [Fact]
    public void Local_DateTime_parameter_is_stored_as_UTC()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        var local = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Local);
        using var command = new DuckDbCommand("SELECT $t::TIMESTAMP", connection);
        command.Parameters.Add("t", local);
        var read = (DateTime)command.ExecuteScalar()!;
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(local.ToUniversalTime(), read);
    }

    [Fact]
    public void Big_integer_sums_come_back_as_Int128()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = new DuckDbCommand("SELECT sum(i) FROM range(1000000) r(i)", connection);
        Assert.Equal((Int128)499999500000, command.ExecuteScalar());
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = new DuckDbCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
