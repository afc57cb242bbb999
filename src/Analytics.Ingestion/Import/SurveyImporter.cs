using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.DuckDb;
using Analytics.Ingestion.Sources.Surveys;
using Dapper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Imports survey responses exported from another tool (CSV) onto an existing wave's questions. Response ids come
/// from the export's <c>Response ID</c>, so importing the same export twice changes nothing; bad rows become dead
/// letters with their line, and the rest is kept.
/// </summary>
public static class SurveyImporter
{
    private static readonly ImportableEntity Responses = ImportableEntity.StoredOnly<SurveyResponse>("survey_responses");
    private static readonly ImportableEntity Answers = ImportableEntity.StoredOnly<SurveyAnswer>("survey_answers");

    /// <summary>
    /// Imports the export; times without a zone are read in <paramref name="exportTimeZone"/>, and the run is stamped
    /// from <paramref name="clock"/>.
    /// </summary>
    public static ImportResult Import(DuckDbConnection connection, string waveId, string path, TimeZoneInfo exportTimeZone, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wave = SurveyDefinitions.Wave(connection, waveId, cancellationToken)
            ?? throw new ArgumentException($"There is no survey wave '{waveId}'.");
        var questions = SurveyDefinitions.Questions(connection, wave.SurveyId, cancellationToken);
        var teams = connection.Query<(string Id, string Name)>(SqlQueries.Get("ingestion/team_names")).ToList();
        string? TeamByName(string? name) => teams.FirstOrDefault(t => string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).Id;

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        SurveyCsvImport import;
        using (var text = File.OpenText(path))
        {
            import = SurveyCsvReader.Read(text, wave, questions, TeamByName, exportTimeZone);
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

        var run = batch.Run(connection);
        var responses = batch.StoredByEntity.GetValueOrDefault(Responses.Name) ?? new UpsertResult(0, 0);
        return run with { Inserted = responses.Inserted, Updated = responses.Updated };
    }
}
