using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Imports a CSV, JSON or NDJSON file into one entity's table: good records are upserted by key (so importing a
/// file twice changes nothing), bad ones go to the dead-letter table with their line and reason, and the run is
/// recorded in <c>ingestion_runs</c>. A file whose header or format is wrong stores nothing. Records naming a service
/// the catalog does not list are stored and counted in <see cref="ImportResult.UnknownServices"/>.
/// </summary>
public static class FileImporter
{
    /// <summary>
    /// Imports the file, stamping the run and its rows from <paramref name="clock"/>; <paramref name="progress"/>
    /// receives the number of records read so far.
    /// </summary>
    public static ImportResult Import(PulseConnection connection, string entityName, string path, string source, TimeProvider clock, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (!ImportableEntities.All.TryGetValue(entityName, out var entity))
        {
            throw new ArgumentException($"'{entityName}' is not an importable entity; use one of {string.Join(", ", ImportableEntities.All.Keys)}.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        var batch = new IngestionBatch(source, "import", clock);
        var named = new Dictionary<string, long>(StringComparer.Ordinal);
        var imported = batch.RunAsync(connection, () =>
        {
            long read = 0;
            foreach (var result in RecordFileReader.Read(path, entity.Fields))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (result.Record is { } record)
                {
                    var mapped = batch.RowCount;
                    batch.Add(entity, record);
                    if (batch.RowCount > mapped && record.Fields.TryGetValue("service_id", out var service) && !string.IsNullOrWhiteSpace(service))
                    {
                        named[service.Trim()] = named.GetValueOrDefault(service.Trim()) + 1;
                    }
                }
                else
                {
                    batch.Reject(entity.Name, result.Rejected!);
                }

                if (++read % 100_000 == 0)
                {
                    progress?.Report(read);
                }
            }

            progress?.Report(read);
            return Task.FromResult<Action<PulseConnection>?>(null);
        }).GetAwaiter().GetResult();

        // Kept, not refused: a source may deliver deployments before the catalog lists their service, and the result
        // must not depend on that order. The caller warns; metrics count the rows once the service is catalogued.
        var catalogued = connection.Query<string>(SqlQueries.Get("ingestion/service_ids")).ToHashSet(StringComparer.Ordinal);
        return imported with { UnknownServices = named.Where(n => !catalogued.Contains(n.Key)).ToDictionary(StringComparer.Ordinal) };
    }
}
