using System.Diagnostics;
using Dapper;

namespace Analytics.DuckDb.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Eight_readers_and_one_writer_lose_no_row()
    {
        using var database = new TempDatabase();
        using (var setup = database.Open())
        {
            setup.Execute("CREATE TABLE events (id BIGINT PRIMARY KEY, payload VARCHAR NOT NULL)");
        }

        // Dedicated threads and a common start, so that a busy thread pool cannot starve the readers.
        var duration = TimeSpan.FromSeconds(3);
        using var start = new Barrier(9);
        long written = 0;
        var writer = Task.Factory.StartNew(() =>
        {
            using var connection = database.Open();
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                using var transaction = connection.BeginTransaction();
                for (var i = 0; i < 50; i++)
                {
                    connection.Execute("INSERT INTO events VALUES ($id, $payload)", new { id = written + i, payload = $"event {written + i}" }, transaction);
                }

                transaction.Commit();
                written += 50;
            }
        }, TaskCreationOptions.LongRunning);

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            using var connection = database.Open();
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            long reads = 0;
            long lastSeen = 0;
            while (clock.Elapsed < duration)
            {
                var (count, max) = connection.QuerySingle<(long, long)>("SELECT count(*), coalesce(max(id) + 1, 0) FROM events");
                Assert.Equal(count, max);
                Assert.True(count >= lastSeen, "a reader saw the table shrink");
                Assert.Equal(0, count % 50);
                lastSeen = count;
                reads++;
            }

            return reads;
        }, TaskCreationOptions.LongRunning)).ToList();

        await writer;
        var reads = await Task.WhenAll(readers);
        Assert.All(reads, r => Assert.True(r > 0));
        using var check = database.Open();
        Assert.True(written > 0);
        Assert.Equal(written, check.QuerySingle<long>("SELECT count(*) FROM events"));
        Assert.Equal(written, check.QuerySingle<long>("SELECT count(DISTINCT payload) FROM events"));
    }

    [Fact]
    public void Connections_to_one_file_share_one_database()
    {
        using var database = new TempDatabase();
        using var first = database.Open();
        using var second = database.Open();
        first.Execute("CREATE TABLE shared (x INTEGER); INSERT INTO shared VALUES (42);");
        Assert.Equal(42, second.QuerySingle<int>("SELECT x FROM shared"));
    }

    [Fact]
    public void Closing_the_last_connection_releases_the_file()
    {
        using var database = new TempDatabase();
        using (var connection = database.Open())
        {
            connection.Execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        }

        File.Move(database.Path, database.Path + ".moved");
        File.Move(database.Path + ".moved", database.Path);
        using var reopened = database.Open();
        Assert.Equal(1, reopened.QuerySingle<int>("SELECT x FROM t"));
    }
}
