using Analytics.Core.Delivery;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Tests.Storage;

public sealed class TableUpserterTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Upserting_twice_leaves_identical_rows_and_counts_only_rows_that_change_as_updated()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        Deployment[] batch = [Make("a", "success"), Make("b", "success"), Make("c", "failure")];

        Assert.Equal(new UpsertResult(3, 0), TableUpserter.Upsert(connection, batch));
        var first = Snapshot(connection);
        Assert.Equal(new UpsertResult(0, 0), TableUpserter.Upsert(connection, batch));
        Assert.Equal(first, Snapshot(connection));
        Assert.Equal(new UpsertResult(0, 1), TableUpserter.Upsert(connection, [Make("a", "success"), Make("c", "success")]));
    }

    [Fact]
    public async Task Later_record_with_the_same_key_in_one_batch_wins()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        TableUpserter.Upsert(connection, [Make("a", "success")]);

        var result = TableUpserter.Upsert(connection, [Make("a", "failure"), Make("b", "success"), Make("a", "error"), Make("b", "cancelled")]);

        Assert.Equal(new UpsertResult(1, 1), result);
        Assert.Equal([("a", "error"), ("b", "cancelled")], connection.Query<(string, string)>("SELECT deployment_id, status FROM deployments ORDER BY 1"));
    }

    [Fact]
    public async Task A_row_the_table_refuses_leaves_the_table_as_it_was()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();
        TableUpserter.Upsert(connection, [Make("a", "success")]);
        using (var transaction = connection.BeginTransaction())
        {
            Assert.ThrowsAny<Exception>(() => TableUpserter.Upsert(connection, [Make("b", "success"), Make("c", "exploded")]));
        }

        Assert.Equal([("a", "success")], connection.Query<(string, string)>("SELECT deployment_id, status FROM deployments"));
    }

    [Fact]
    public async Task A_row_its_writer_did_not_stamp_is_refused()
    {
        using var connection = await MemoryDatabase.OpenMigratedAsync();

        Assert.ThrowsAny<Exception>(() => TableUpserter.Upsert(connection, [Make("a", "success") with { IngestedAt = null }]));

        Assert.Equal(0L, connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
    }

    private static Deployment Make(string id, string status) =>
        new(id, "api", "production", "sha", At, At.AddMinutes(5), status, false, false, true, null, "test") { IngestedAt = At };

    private static List<string> Snapshot(Analytics.Core.Storage.PulseConnection connection) =>
        connection.Query<string>("SELECT deployment_id || status || started_at::VARCHAR || ingested_at::VARCHAR FROM deployments ORDER BY 1").ToList();
}
