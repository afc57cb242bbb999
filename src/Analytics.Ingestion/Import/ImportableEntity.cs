using Analytics.Core.Storage;

namespace Analytics.Ingestion.Import;

/// <summary>An entity that files can be imported into: its field names, how a record maps, and how rows are stored.</summary>
public sealed class ImportableEntity
{
    private readonly Func<RecordFields, string, object> _map;
    private readonly Func<PulseConnection, IReadOnlyList<object>, string?, UpsertResult> _upsert;
    private readonly string? _dropOlderEventsQuery;

    private ImportableEntity(string name, IReadOnlyCollection<string> fields, Func<RecordFields, string, object> map,
        Func<PulseConnection, IReadOnlyList<object>, string?, UpsertResult> upsert, string? dropOlderEventsQuery = null)
    {
        Name = name;
        Fields = fields;
        _map = map;
        _upsert = upsert;
        _dropOlderEventsQuery = dropOlderEventsQuery;
    }

    /// <summary>The entity's name on the command line, for example <c>deployments</c>.</summary>
    public string Name { get; }

    /// <summary>The field (column) names a record may carry.</summary>
    public IReadOnlyCollection<string> Fields { get; }

    /// <summary>
    /// Describes an entity stored as <typeparamref name="T"/>. <paramref name="dropOlderEventsQuery"/> names the query
    /// that keeps pushed events from rolling a stored row back (see <see cref="Upsert"/>).
    /// </summary>
    public static ImportableEntity Of<T>(string name, IReadOnlyCollection<string> fields, Func<RecordFields, string, T> map, string? dropOlderEventsQuery = null)
        where T : IStoredRow =>
        new(name, fields, (record, source) => map(record, source), (connection, rows, dropStale) => TableUpserter.Upsert(connection, rows.Cast<T>(), dropStale), dropOlderEventsQuery);

    /// <summary>
    /// Describes a table whose rows are always mapped by a source-specific reader (a survey export, for example),
    /// never from plain fields.
    /// </summary>
    public static ImportableEntity StoredOnly<T>(string name)
        where T : IStoredRow =>
        new(name, [], (_, _) => throw new NotSupportedException($"{name} are not imported from plain fields."), (connection, rows, _) => TableUpserter.Upsert(connection, rows.Cast<T>()));

    /// <summary>Maps one record; throws <see cref="FormatException"/> naming the bad field.</summary>
    public object Map(RecordFields record, string source) => _map(record, source);

    /// <summary>
    /// Upserts mapped rows. With <paramref name="ignoreOlderEvents"/> (pushed events, which may arrive late, out of
    /// order or replayed) a row older than the stored one is left out and counted as ignored, for entities that
    /// know how to compare; imports and syncs carry the source's current state and replace as given.
    /// </summary>
    public UpsertResult Upsert(PulseConnection connection, IReadOnlyList<object> rows, bool ignoreOlderEvents = false) =>
        _upsert(connection, rows, ignoreOlderEvents ? _dropOlderEventsQuery : null);
}
