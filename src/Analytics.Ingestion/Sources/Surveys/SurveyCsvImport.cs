using Analytics.Core.Surveys;

namespace Analytics.Ingestion.Sources.Surveys;

/// <summary>What a survey CSV yielded: the responses and answers that were valid, and one error per bad row.</summary>
public sealed record SurveyCsvImport(IReadOnlyList<SurveyResponse> Responses, IReadOnlyList<SurveyAnswer> Answers, IReadOnlyList<string> RowErrors);
