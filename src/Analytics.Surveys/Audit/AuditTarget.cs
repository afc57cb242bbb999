namespace Analytics.Surveys.Audit;

/// <summary>What an admin action was done to: a kind and an id.</summary>
/// <param name="Kind">survey, question, wave, source or report.</param>
/// <param name="Id">The object's id; a question's is <c>survey/question</c>, a report's its quarter.</param>
public sealed record AuditTarget(string Kind, string Id)
{
    /// <summary>A survey.</summary>
    public static AuditTarget Survey(string surveyId) => new("survey", surveyId);

    /// <summary>A survey's question.</summary>
    public static AuditTarget Question(string surveyId, string questionId) => new("question", $"{surveyId}/{questionId}");

    /// <summary>A wave.</summary>
    public static AuditTarget Wave(string waveId) => new("wave", waveId);

    /// <summary>An ingestion source, such as <c>github</c>.</summary>
    public static AuditTarget Source(string source) => new("source", source);

    /// <summary>The quarterly report of a quarter, such as <c>2026-Q3</c>.</summary>
    public static AuditTarget Report(string quarter) => new("report", quarter);

    /// <summary>An API key, by its id.</summary>
    public static AuditTarget ApiKey(string keyId) => new("api-key", keyId);
}
