using Analytics.Core.Storage;
using Analytics.DuckDb;
using Dapper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Imports a CSV, JSON or NDJSON file into one entity's table: good records are upserted by key (so importing a
/// file twice changes nothing), bad ones go to the dead-letter table with their line and reason, and the run is
/// recorded in <c>ingestion_runs</c>. Rows, dead letters and the run's outcome commit together; a file whose
/// header or format is wrong stores nothing.
/// </summary>
public static class FileImporter
{
    /// <summary>Imports the file; <paramref name="progress"/> receives the number of records read so far.</summary>
    public static ImportResult Import(DuckDbConnection connection, string entityName, string path, string source, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (!ImportableEntities.All.TryGetValue(entityName, out var entity))
        {
            throw new ArgumentException($"'{entityName}' is not an importable entity; use one of {string.Join(", ", ImportableEntities.All.Keys)}.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        var runId = Guid.NewGuid();
        connection.Execute(SqlQueries.Get("ingestion/start_run"), new { run_id = runId, source, trigger = "import" });
        try
        {
            var rows = new List<object>();
            var rejected = new List<RejectedRecord>();
            long read = 0;
            foreach (var result in RecordFileReader.Read(path, entity.Fields))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (result.Record is { } record)
                {
                    try
                    {
                        rows.Add(entity.Map(new RecordFields(record.Fields), source));
                    }
                    catch (FormatException error)
                    {
                        rejected.Add(new RejectedRecord(record.Location, record.Raw, error.Message));
                    }
                }
                else
                {
                    rejected.Add(result.Rejected!);
                }

                if (++read % 10_000 == 0)
                {
                    progress?.Report(read);
                }
            }

            progress?.Report(read);
            using var transaction = connection.BeginTransaction();
            var stored = entity.Upsert(connection, rows);
            var now = DateTimeOffset.UtcNow;
            using (var deadLetters = connection.CreateAppender(DeadLetter.Table))
            {
                foreach (var reject in rejected)
                {
                    new DeadLetter(Guid.NewGuid(), runId, source, entity.Name, reject.Raw, reject.ToString(), now).AppendTo(deadLetters.CreateRow());
                }
            }

            if (entity.Name is "deployments" or "changes" or "incidents")
            {
                connection.Execute(SqlQueries.Get("linking/changes_to_deployments"));
                connection.Execute(SqlQueries.Get("linking/incidents_to_deployments"));
            }

            Finish(connection, runId, "succeeded", stored, rejected.Count, null);
            transaction.Commit();
            return new ImportResult(runId, stored.Inserted, stored.Updated, rejected);
        }
        catch (Exception error)
        {
            Finish(connection, runId, error is OperationCanceledException ? "cancelled" : "failed", new UpsertResult(0, 0), 0, error.Message);
            throw;
        }
    }

    private static void Finish(DuckDbConnection connection, Guid runId, string status, UpsertResult stored, long rejected, string? error) =>
        connection.Execute(SqlQueries.Get("ingestion/finish_run"), new { run_id = runId, status, inserted = stored.Inserted, updated = stored.Updated, rejected, error });
}
