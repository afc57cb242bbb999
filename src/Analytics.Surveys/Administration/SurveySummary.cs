namespace Analytics.Surveys.Administration;

/// <summary>A survey on the admin home page.</summary>
/// <param name="SurveyId">Key.</param>
/// <param name="Title">Title.</param>
/// <param name="Template">The template it came from, if any.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="Questions">Number of questions.</param>
/// <param name="Waves">Number of waves.</param>
/// <param name="OpenWaves">Number of open waves.</param>
public sealed record SurveySummary(string SurveyId, string Title, string? Template, DateTimeOffset CreatedAt, long Questions, long Waves, long OpenWaves);
