using System.CommandLine;
using System.Globalization;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;

namespace Analytics.Host.Cli;

/// <summary><c>analytics import &lt;entity&gt; &lt;file&gt;</c>: backfills from CSV, JSON or NDJSON files.</summary>
internal static class ImportCommand
{
    private const int ShownRejections = 10;

    public static Command Create()
    {
        var entity = new Argument<string>("entity") { Description = $"One of: {string.Join(", ", ImportableEntities.All.Keys)}, or survey (an export from another survey tool, with --wave; options for a new wave below)." };
        var file = new Argument<FileInfo>("file") { Description = $"The file: {RecordFileReader.Formats}. Field names are the table's columns (docs/data-model.md)." };
        var source = new Option<string>("--source") { Description = "Recorded as the rows' source.", DefaultValueFactory = _ => "file" };
        var survey = new SurveyImportOptions();
        var command = new Command("import", "Import records from a file; bad records go to the dead-letter table and the rest are kept.") { entity, file, source };
        foreach (var option in survey.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var isSurvey = parse.GetValue(entity) == "survey";
            var waveId = isSurvey ? parse.GetValue(survey.Wave) ?? throw new ArgumentException("Importing a survey export needs --wave <wave id>.") : null;
            var zone = isSurvey ? survey.Zone(parse) : null;
            var definition = isSurvey ? survey.Definition(parse, waveId!) : null;
            using var host = CliHost.Create(parse, mayCreateDatabase: true);
            var database = host.Services.GetRequiredService<PulseDatabase>();
            await using var connection = await database.OpenAsync(cancellationToken);
            await host.Services.GetRequiredService<Core.Storage.Migrations.MigrationRunner>().ApplyAsync(connection, cancellationToken);
            var clock = host.Services.GetRequiredService<TimeProvider>();
            await InterruptedRuns.CloseAsync(connection, clock, cancellationToken);
            // Every 100,000 records on a long import; the summary line gives the final count.
            long read = 0;
            var progress = new ForwardingProgress<long>(count =>
            {
                read = count;
                if (read > 0 && read % 100_000 == 0)
                {
                    Console.Error.WriteLine($"Importing: {Counted.Of(read, "record")} read");
                }
            });
            ImportResult result;
            if (isSurvey)
            {
                var imported = await SurveyImporter.ImportAsync(connection, waveId!, path, zone!, definition, clock, cancellationToken);
                read = imported.RowsRead;
                result = Report(imported, definition);
            }
            else
            {
                result = FileImporter.Import(connection, parse.GetValue(entity)!, path, parse.GetValue(source)!, clock, progress, cancellationToken);
            }

            Console.WriteLine($"{Path.GetFileName(path)}: {result.Inserted:N0} inserted, {result.Updated:N0} updated, {result.Rejected.Count:N0} rejected.");
            if (result.UnknownServices.Count > 0)
            {
                var stored = result.UnknownServices.Values.Sum();
                Console.WriteLine($"  warning: {Counted.Of(stored, "stored record")} {(stored == 1 ? "names a service" : "name services")} not in the catalog ({string.Join(", ", result.UnknownServices.Keys.Order(StringComparer.Ordinal).Take(ShownRejections))}); metrics count them once the catalog lists those services.");
            }

            foreach (var rejected in result.Rejected.Take(ShownRejections))
            {
                Console.WriteLine($"  rejected {rejected}");
            }

            if (result.Rejected.Count > ShownRejections)
            {
                Console.WriteLine($"  … and {result.Rejected.Count - ShownRejections:N0} more in the dead_letters table (run {result.RunId}).");
            }

            if (read > 0 && result.Rejected.Count == read)
            {
                // Nothing was stored, which a script must not mistake for success; the reasons are listed above. (A
                // re-import whose good records are unchanged stores nothing new either, and succeeds.)
                Console.Error.WriteLine($"error: {Path.GetFileName(path)}: {(result.Rejected.Count == 1 ? "its only record was" : $"all {result.Rejected.Count:N0} records were")} rejected, nothing stored (reasons above and in the dead_letters table).");
                return CliExitCodes.Failed;
            }

            return 0;
        });
        return command;
    }

    private static ImportResult Report(SurveyImportResult imported, HistoricalWave? definition)
    {
        if (imported.CreatedWave is { } wave && definition is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Created the closed wave '{wave.WaveId}' (\"{wave.Name}\", {definition.Opened:yyyy-MM-dd} to {definition.Closed:yyyy-MM-dd}) of survey '{wave.SurveyId}'."));
        }

        return imported.Stored;
    }
}
