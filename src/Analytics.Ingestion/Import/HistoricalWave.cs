namespace Analytics.Ingestion.Import;

/// <summary>
/// The closed wave a survey import creates when its wave does not exist yet, from a new survey made from a built-in
/// template or from an existing survey. The days are read in the export's time zone: the wave takes answers from
/// the start of <see cref="Opened"/> until the end of <see cref="Closed"/>. When the wave exists, the import goes
/// ahead only if it has this very definition.
/// </summary>
/// <param name="Template">A built-in template's name (<c>SurveyTemplateCatalog</c>), or null.</param>
/// <param name="SurveyId">An existing survey, or null; give exactly one of the two.</param>
/// <param name="Name">The wave's name, for example "2025 Q3 pulse".</param>
/// <param name="Opened">The first day of answers.</param>
/// <param name="Closed">The last day of answers.</param>
/// <param name="MinGroupSize">The smallest group reported (k), at least 3.</param>
/// <param name="IsAnonymous">Keep no link from a response to the person.</param>
public sealed record HistoricalWave(string? Template, string? SurveyId, string Name, DateOnly Opened, DateOnly Closed, int MinGroupSize, bool IsAnonymous);
