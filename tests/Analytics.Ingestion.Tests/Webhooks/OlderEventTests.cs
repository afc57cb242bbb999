using Analytics.Ingestion.Import;
using Dapper;

using static Analytics.Ingestion.Tests.Delivery.DeliveryDatabase;

namespace Analytics.Ingestion.Tests.Webhooks;

/// <summary>
/// Pushed deployment events never roll stored state back: an event's time is its finished_at (started_at while it
/// runs); an older one is ignored, and at equal times in_progress comes before a final status.
/// </summary>
public sealed class OlderEventTests : IDisposable
{
    private const string Started = "2026-09-01T10:00:00Z";
    private readonly Delivery.DeliveryDatabase _store = new();

    [Fact]
    public void A_running_event_after_the_finished_one_is_ignored_and_counted()
    {
        Push(Running("d1"));
        Push(Finished("d1", "success", "2026-09-01T10:09:00Z"));
        var late = Push(Running("d1"));

        Assert.Equal((0L, 0L, 1L), (late.Inserted, late.Updated, late.Ignored));
        Assert.Equal("success", Status("d1"));
    }

    [Fact]
    public void Within_one_batch_the_newest_event_wins_whatever_the_order()
    {
        var result = Push(Finished("d1", "failure", "2026-09-01T10:09:00Z"), Running("d1"), Finished("d1", "success", "2026-09-01T10:05:00Z"));

        Assert.Equal((1L, 2L), (result.Inserted, result.Ignored));
        Assert.Equal("failure", Status("d1"));
    }

    [Fact]
    public void A_newer_event_replaces_and_an_equal_one_replaces_unless_it_goes_back_to_running()
    {
        Push(Finished("d1", "failure", "2026-09-01T10:09:00Z"));
        Assert.Equal(1L, Push(Finished("d1", "success", "2026-09-01T10:20:00Z")).Updated);
        Assert.Equal(1L, Push(Finished("d1", "error", "2026-09-01T10:20:00Z")).Updated);
        Assert.Equal("error", Status("d1"));

        // A running event stamped with the same instant as the final one is still behind it.
        Push(Running("d2"));
        Assert.Equal(1L, Push(Finished("d2", "success", Started)).Updated);
        Assert.Equal(1L, Push(Running("d2")).Ignored);
        Assert.Equal("success", Status("d2"));
    }

    [Fact]
    public void An_import_replaces_as_given_since_it_carries_the_source_state()
    {
        Push(Finished("d1", "success", "2026-09-01T10:09:00Z"));

        var batch = new IngestionBatch("file", "import", _store.Clock);
        batch.Add(ImportableEntities.All["deployments"], new SourceRecord("record 1", "", Running("d1")));
        batch.Run(_store.Connection);

        Assert.Equal("in_progress", Status("d1"));
    }

    public void Dispose() => _store.Dispose();

    private static Dictionary<string, string?> Running(string id) => Deployment(id, "pay-api", Started, status: "in_progress");

    private static Dictionary<string, string?> Finished(string id, string status, string at)
    {
        var fields = Deployment(id, "pay-api", Started, status: status);
        fields["finished_at"] = at;
        return fields;
    }

    private Core.Storage.UpsertResult Push(params Dictionary<string, string?>[] events)
    {
        var batch = new IngestionBatch("webhook", "webhook", _store.Clock) { IgnoresOlderEvents = true };
        foreach (var fields in events)
        {
            batch.Add(ImportableEntities.All["deployments"], new SourceRecord("event", "", fields));
        }

        batch.Run(_store.Connection);
        return batch.StoredByEntity["deployments"];
    }

    private string Status(string id) => _store.Connection.QuerySingle<string>("SELECT status FROM deployments WHERE deployment_id = $id", new { id });
}
