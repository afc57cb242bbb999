using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Tests.Storage.Provider;

public sealed class DapperMappingTests : IDisposable
{
    private readonly PulseConnection _connection = new("Data Source=:memory:");

    public DapperMappingTests() => _connection.Open();

    private sealed record Stamped(DateTimeOffset At, DateTimeOffset? Maybe);

    private sealed record Listed(string[] Names, long[] Counts, string[]? Missing);

    private sealed class ListedClass
    {
        public string[] Names { get; init; } = [];

        public int[] Numbers { get; init; } = [];
    }

    [Fact]
    public void TIMESTAMPTZ_maps_to_a_DateTimeOffset_in_UTC()
    {
        // DuckDB.NET hands out a DateTime of unspecified kind; without the handler Dapper gives it the process's
        // local offset (12:00Z became 12:00-05:00 under TZ=America/New_York).
        var row = _connection.QuerySingle<Stamped>("SELECT TIMESTAMPTZ '2024-03-10 07:30:00-05' AS at, NULL::TIMESTAMPTZ AS maybe");
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 12, 30, 0, TimeSpan.Zero), row.At);
        Assert.Equal(TimeSpan.Zero, row.At.Offset);
        Assert.Null(row.Maybe);
        var scalar = _connection.ExecuteScalar<DateTimeOffset>("SELECT TIMESTAMPTZ '2024-03-10 12:30:00Z'");
        Assert.Equal(TimeSpan.Zero, scalar.Offset);
    }

    [Fact]
    public void DateTimeOffset_parameter_is_stored_as_its_instant()
    {
        var at = new DateTimeOffset(2024, 3, 10, 14, 30, 0, TimeSpan.FromHours(2));
        Assert.Equal("2024-03-10 12:30:00+00", _connection.ExecuteScalar<string>("SELECT $at::TIMESTAMPTZ::VARCHAR", new { at }));
        Assert.Equal(at, _connection.ExecuteScalar<DateTimeOffset>("SELECT $at::TIMESTAMPTZ", new { at }));
    }

    [Fact]
    public void LIST_columns_map_to_array_members_of_records_and_classes()
    {
        var row = _connection.QuerySingle<Listed>("SELECT ['a', NULL, 'c'] AS names, [1, 2]::BIGINT[] AS counts, NULL::VARCHAR[] AS missing");
        Assert.Equal(new string?[] { "a", null, "c" }, row.Names);
        Assert.Equal([1L, 2L], row.Counts);
        Assert.Null(row.Missing);
        var item = _connection.QuerySingle<ListedClass>("SELECT ['x'] AS names, [3, 4]::INTEGER[] AS numbers");
        Assert.Equal(["x"], item.Names);
        Assert.Equal([3, 4], item.Numbers);
    }

    [Fact]
    public void Array_parameter_is_one_list()
    {
        Assert.Equal(3, _connection.ExecuteScalar<int>("SELECT len($names)", new { names = new[] { "a", "b", "c" } }));
        Assert.Equal(7L, _connection.ExecuteScalar<long>("SELECT list_sum($counts)::BIGINT", new { counts = new long[] { 3, 4 } }));
    }

    public void Dispose() => _connection.Dispose();
}
