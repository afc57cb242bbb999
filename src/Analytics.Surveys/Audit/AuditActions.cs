namespace Analytics.Surveys.Audit;

/// <summary>The actions the admin audit log records.</summary>
public static class AuditActions
{
    /// <summary>A survey was created, from a template or empty.</summary>
    public const string SurveyCreated = "survey.created";

    /// <summary>A question was added to a survey.</summary>
    public const string QuestionAdded = "question.added";

    /// <summary>A question's wording, help, options or labels changed.</summary>
    public const string QuestionChanged = "question.changed";

    /// <summary>A question was deleted.</summary>
    public const string QuestionDeleted = "question.deleted";

    /// <summary>A draft wave was created.</summary>
    public const string WaveCreated = "wave.created";

    /// <summary>A draft wave was opened.</summary>
    public const string WaveOpened = "wave.opened";

    /// <summary>An open wave was closed.</summary>
    public const string WaveClosed = "wave.closed";

    /// <summary>A closed wave was reopened before its end.</summary>
    public const string WaveReopened = "wave.reopened";

    /// <summary>A wave's personal links were made, replacing its unused ones.</summary>
    public const string LinksGenerated = "links.generated";

    /// <summary>A wave's answers were downloaded (without identities).</summary>
    public const string ResponsesExported = "responses.exported";

    /// <summary>"Run now" started a source's sync.</summary>
    public const string SourceRunStarted = "source.run";

    /// <summary>The quarterly report was made from the admin page (viewed or downloaded as PDF).</summary>
    public const string ReportGenerated = "report.generated";

    /// <summary>An API key for a machine client was created (from the page or the command line).</summary>
    public const string ApiKeyCreated = "apikey.created";

    /// <summary>An API key was revoked.</summary>
    public const string ApiKeyRevoked = "apikey.revoked";
}
