using Analytics.Core.Delivery;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Records gathered for one ingestion run, possibly of several entities, stored together: rows upserted by key,
/// rejected records as dead letters, the run's outcome — all in one transaction, so a failure stores nothing and a
/// retry is safe. Every time it stores — rows' ingestion time, the run's start and end, dead letters — comes from
/// <paramref name="clock"/>.
/// </summary>
public sealed class IngestionBatch(string source, string trigger, TimeProvider clock)
{
    private readonly Dictionary<ImportableEntity, List<object>> _rows = [];
    private readonly List<(string Entity, RejectedRecord Record)> _rejected = [];

    /// <summary>
    /// Pushed events: a row older than the stored one (a late, reordered or replayed event) is left out, so it
    /// never rolls stored state back; <see cref="UpsertResult.Ignored"/> counts them.
    /// </summary>
    public bool IgnoresOlderEvents { get; init; }

    /// <summary>What the run wrote, per entity.</summary>
    public IReadOnlyDictionary<string, UpsertResult> StoredByEntity { get; private set; } = new Dictionary<string, UpsertResult>();

    /// <summary>The records refused so far.</summary>
    public IEnumerable<RejectedRecord> Rejected => _rejected.Select(r => r.Record);

    /// <summary>Maps a record for an entity; a record that does not map is kept as rejected.</summary>
    public void Add(ImportableEntity entity, SourceRecord record)
    {
        try
        {
            AddMapped(entity, entity.Map(new RecordFields(record.Fields), source));
        }
        catch (FormatException error)
        {
            Reject(entity.Name, new RejectedRecord(record.Location, record.Raw, error.Message));
        }
    }

    /// <summary>
    /// Adds a row already mapped from a source's own shape (a webhook payload, an API page), stamped with the time it
    /// is taken in.
    /// </summary>
    public void AddMapped(ImportableEntity entity, object row)
    {
        if (!_rows.TryGetValue(entity, out var rows))
        {
            _rows[entity] = rows = [];
        }

        rows.Add(RowStamp.Apply(row, clock.GetUtcNow()));
    }

    /// <summary>How many rows have been added (mapped) so far.</summary>
    public int RowCount => _rows.Values.Sum(r => r.Count);

    /// <summary>Takes over another batch's rows and refused records, so that several deliveries store as one run.</summary>
    public void AddFrom(IngestionBatch other)
    {
        foreach (var (entity, rows) in other._rows)
        {
            foreach (var row in rows)
            {
                AddMapped(entity, row);
            }
        }

        _rejected.AddRange(other._rejected);
    }

    /// <summary>Keeps a record that could not even be read.</summary>
    public void Reject(string entity, RejectedRecord record) => _rejected.Add((entity, record));

    /// <summary>
    /// Runs one ingestion: records the run (committed at once, so a failed run is still seen), lets
    /// <paramref name="gather"/> add records, then stores them with the run's outcome in one transaction, together
    /// with whatever the returned action does there (a connector saves its watermark, so it never runs ahead of
    /// the stored rows). On any failure the run is marked failed or cancelled and the error rethrown.
    /// </summary>
    public async Task<ImportResult> RunAsync(PulseConnection connection, Func<Task<Action<PulseConnection>?>> gather)
    {
        var runId = Start(connection);
        try
        {
            var alsoInTransaction = await gather();
            var stored = Store(connection, runId, alsoInTransaction);
            return new ImportResult(runId, stored.Inserted, stored.Updated, Rejected.ToList());
        }
        catch (Exception error)
        {
            Finish(connection, runId, error is OperationCanceledException ? "cancelled" : "failed", new UpsertResult(0, 0), 0, error.Message);
            throw;
        }
    }

    /// <summary>Runs an ingestion whose records were gathered already.</summary>
    public ImportResult Run(PulseConnection connection) =>
        RunAsync(connection, () => Task.FromResult<Action<PulseConnection>?>(null)).GetAwaiter().GetResult();

    private Guid Start(PulseConnection connection)
    {
        var runId = Guid.NewGuid();
        connection.Execute(SqlQueries.Get("ingestion/start_run"), new { run_id = runId, source, trigger, started_at = clock.GetUtcNow(), process_id = Environment.ProcessId });
        return runId;
    }

    private UpsertResult Store(PulseConnection connection, Guid runId, Action<PulseConnection>? alsoInTransaction = null)
    {
        using var transaction = connection.BeginTransaction();
        var byEntity = new Dictionary<string, UpsertResult>(StringComparer.Ordinal);
        foreach (var (entity, rows) in _rows)
        {
            byEntity[entity.Name] = entity.Upsert(connection, rows, IgnoresOlderEvents);
        }

        var stored = byEntity.Values.Aggregate(new UpsertResult(0, 0), (total, one) => total + one);

        var now = clock.GetUtcNow();
        using (var deadLetters = connection.CreateAppender(DeadLetter.Table))
        {
            foreach (var (entity, record) in _rejected)
            {
                new DeadLetter(Guid.NewGuid(), runId, source, entity, record.Raw, record.ToString(), now).AppendTo(deadLetters.CreateRow());
            }
        }

        DeliveryLinker.Relink(connection, TouchedServices());

        alsoInTransaction?.Invoke(connection);
        Finish(connection, runId, "succeeded", stored, _rejected.Count, null);
        transaction.Commit();
        StoredByEntity = byEntity;
        return stored;
    }

    /// <summary>The services whose deployments or changes this batch wrote: their links are re-derived.</summary>
    private HashSet<string> TouchedServices() =>
        _rows.Values.SelectMany(rows => rows).Select(row => row switch
        {
            Deployment deployment => deployment.ServiceId,
            Change change => change.ServiceId,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private void Finish(PulseConnection connection, Guid runId, string status, UpsertResult stored, long rejected, string? error) =>
        connection.Execute(SqlQueries.Get("ingestion/finish_run"),
            new { run_id = runId, status, inserted = stored.Inserted, updated = stored.Updated, rejected, error, finished_at = clock.GetUtcNow() });
}
