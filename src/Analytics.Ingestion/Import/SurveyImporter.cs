using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Ingestion.Sources.Surveys;
using Dapper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Imports survey responses exported from another tool (CSV) onto a wave's questions, creating the wave first when
/// asked to (<see cref="HistoricalWave"/>). Response ids come from the export's <c>Response ID</c>, so importing the
/// same export twice changes nothing; bad rows, and rows submitted outside the wave's dates, become dead letters
/// with their line, and the rest is kept. A wave it creates is stored in the same transaction as the answers.
/// </summary>
public static partial class SurveyImporter
{
    private static readonly ImportableEntity Responses = ImportableEntity.StoredOnly<SurveyResponse>("survey_responses");
    private static readonly ImportableEntity Answers = ImportableEntity.StoredOnly<SurveyAnswer>("survey_answers");

    /// <summary>Imports the export onto the wave, creating it from <paramref name="createIfMissing"/> when it does not exist.</summary>
    /// <param name="connection">An open connection, with no transaction running.</param>
    /// <param name="waveId">The wave the answers belong to.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="exportTimeZone">The zone of the export's times without an offset, and of a new wave's days.</param>
    /// <param name="createIfMissing">The wave to create when it does not exist, or null to need an existing one.</param>
    /// <param name="clock">Today, for a new wave (it must have closed) and its survey's creation time.</param>
    /// <param name="cancellationToken">Stops the import before anything is stored.</param>
    public static async Task<SurveyImportResult> ImportAsync(PulseConnection connection, string waveId, string path, TimeZoneInfo exportTimeZone,
        HistoricalWave? createIfMissing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = Target(connection, waveId, exportTimeZone, createIfMissing, clock, cancellationToken);
        var teams = connection.Query<(string Id, string Name)>(new CommandDefinition(SqlQueries.Get("ingestion/team_names"), cancellationToken: cancellationToken)).ToList();
        string? TeamByName(string? name) => teams.FirstOrDefault(t => string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).Id;

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        SurveyCsvImport import;
        using (var text = File.OpenText(path))
        {
            import = SurveyCsvReader.Read(text, target.Wave, target.Questions, TeamByName, exportTimeZone);
        }

        if (target.IsNew && import.Responses.Count == 0)
        {
            // A wave with none of the export's answers is a mistake (wrong dates, wrong file), and could not be fixed by re-running.
            throw new FormatException(import.RowErrors.Count == 0
                ? $"{Path.GetFileName(path)} holds no responses, so wave '{waveId}' was not created."
                : $"No row of {Path.GetFileName(path)} can be imported, so wave '{waveId}' was not created; {import.RowErrors[0]}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var batch = new IngestionBatch("survey-export", "import", clock);
        foreach (var response in import.Responses)
        {
            batch.AddMapped(Responses, response);
        }

        foreach (var answer in import.Answers)
        {
            batch.AddMapped(Answers, answer);
        }

        foreach (var error in import.RowErrors)
        {
            var colon = error.IndexOf(':', StringComparison.Ordinal);
            batch.Reject("survey_responses", new RejectedRecord(error[..colon], string.Empty, error[(colon + 1)..].Trim()));
        }

        var run = await batch.RunAsync(connection, () => Task.FromResult<Action<PulseConnection>?>(target.IsNew ? c => Create(c, target, cancellationToken) : null));
        var responses = batch.StoredByEntity.GetValueOrDefault(Responses.Name) ?? new UpsertResult(0, 0);
        return new SurveyImportResult(run with { Inserted = responses.Inserted, Updated = responses.Updated }, target.IsNew ? target.Wave : null, import.Responses.Count + import.RowErrors.Count);
    }

    private static void Create(PulseConnection connection, TargetWave target, CancellationToken cancellationToken)
    {
        if (target.NewSurvey is not null)
        {
            SurveyDefinitionWriter.InsertSurvey(connection, null, target.NewSurvey, target.Questions, cancellationToken);
        }

        SurveyDefinitionWriter.InsertWave(connection, null, target.Wave, cancellationToken);
    }
}
