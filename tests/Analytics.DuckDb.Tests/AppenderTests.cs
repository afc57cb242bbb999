using Dapper;

namespace Analytics.DuckDb.Tests;

public sealed class AppenderTests
{
    [Fact]
    public void One_million_rows_equal_count_star_and_their_sums()
    {
        using var database = new TempDatabase();
        using var connection = database.Open();
        connection.Execute("CREATE TABLE deployments (id BIGINT, service VARCHAR, finished_at TIMESTAMPTZ, ok BOOLEAN)");
        const int rows = 1_000_000;
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var appender = connection.CreateAppender("deployments"))
        {
            for (var i = 0; i < rows; i++)
            {
                appender.CreateRow()
                    .AppendValue((long)i)
                    .AppendValue(i % 3 == 0 ? null : $"service-{i % 97}")
                    .AppendValue(start.AddSeconds(i))
                    .AppendValue(i % 10 != 0)
                    .EndRow();
            }
        }

        var totals = connection.QuerySingle<(long Count, long Sum, long Nulls, long Failed, DateTimeOffset Last)>(
            "SELECT count(*), sum(id)::BIGINT, count(*) FILTER (service IS NULL), count(*) FILTER (NOT ok), max(finished_at) FROM deployments");
        Assert.Equal(rows, totals.Count);
        Assert.Equal((long)rows * (rows - 1) / 2, totals.Sum);
        Assert.Equal((rows + 2) / 3, totals.Nulls);
        Assert.Equal(rows / 10, totals.Failed);
        Assert.Equal(start.AddSeconds(rows - 1), totals.Last);
        Assert.Equal($"service-{999877 % 97}", connection.QuerySingle<string>("SELECT service FROM deployments WHERE id = 999877"));
    }

    [Fact]
    public void Lists_of_every_length_across_chunk_boundaries_are_kept()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t (id INTEGER, tags VARCHAR[], shas BIGINT[])");
        using (var appender = connection.CreateAppender("t"))
        {
            for (var i = 0; i < 5000; i++)
            {
                var tags = Enumerable.Range(0, i % 5).Select(j => j == 2 ? null : $"tag-{i}-{j}").ToArray();
                appender.CreateRow().AppendValue((long)i).AppendValue(tags).AppendValue(Enumerable.Range(0, i % 3).Select(j => (long)(i * j)).ToArray()).EndRow();
            }
        }

        var row = connection.QuerySingle<(string?[] Tags, long[] Shas)>("SELECT tags, shas FROM t WHERE id = 4999");
        Assert.Equal(new string?[] { "tag-4999-0", "tag-4999-1", null, "tag-4999-3" }, row.Tags);
        Assert.Equal([0L], row.Shas);
        Assert.Equal([0L, 4997L], connection.QuerySingle<long[]>("SELECT shas FROM t WHERE id = 4997"));
        Assert.Equal(10000L, connection.QuerySingle<long>("SELECT sum(len(tags))::BIGINT FROM t"));
    }
}
