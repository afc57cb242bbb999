using Analytics.Core.Surveys;

namespace Analytics.Ingestion.Import;

/// <summary>What a survey import stored, and the wave it created when it had to.</summary>
/// <param name="Stored">Responses inserted and updated, and the rows refused.</param>
/// <param name="CreatedWave">The wave this import created, or null when the wave existed already.</param>
/// <param name="RowsRead">Response rows read from the file, good or refused.</param>
public sealed record SurveyImportResult(ImportResult Stored, SurveyWave? CreatedWave, int RowsRead);
