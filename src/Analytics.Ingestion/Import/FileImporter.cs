using Analytics.DuckDb;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Imports a CSV, JSON or NDJSON file into one entity's table: good records are upserted by key (so importing a
/// file twice changes nothing), bad ones go to the dead-letter table with their line and reason, and the run is
/// recorded in <c>ingestion_runs</c>. A file whose header or format is wrong stores nothing.
/// </summary>
public static class FileImporter
{
    /// <summary>
    /// Imports the file, stamping the run and its rows from <paramref name="clock"/>; <paramref name="progress"/>
    /// receives the number of records read so far.
    /// </summary>
    public static ImportResult Import(DuckDbConnection connection, string entityName, string path, string source, TimeProvider clock, IProgress<long>? progress, CancellationToken cancellationToken)
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
        return batch.RunAsync(connection, () =>
        {
            long read = 0;
            foreach (var result in RecordFileReader.Read(path, entity.Fields))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (result.Record is { } record)
                {
                    batch.Add(entity, record);
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
            return Task.FromResult<Action<DuckDbConnection>?>(null);
        }).GetAwaiter().GetResult();
    }
}
