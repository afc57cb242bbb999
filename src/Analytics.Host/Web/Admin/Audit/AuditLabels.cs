using Analytics.Surveys.Audit;

namespace Analytics.Host.Web.Admin.Audit;

/// <summary>The words the audit log page uses for each recorded action.</summary>
internal static class AuditLabels
{
    /// <summary>The action in words, such as "Closed wave"; an action this build does not know shows as stored.</summary>
    public static string Of(string action) => action switch
    {
        AuditActions.SurveyCreated => "Created survey",
        AuditActions.QuestionAdded => "Added question",
        AuditActions.QuestionChanged => "Changed question",
        AuditActions.QuestionDeleted => "Deleted question",
        AuditActions.WaveCreated => "Created wave",
        AuditActions.WaveOpened => "Opened wave",
        AuditActions.WaveClosed => "Closed wave",
        AuditActions.WaveReopened => "Reopened wave",
        AuditActions.LinksGenerated => "Made personal links",
        AuditActions.ResponsesExported => "Downloaded responses",
        AuditActions.SourceRunStarted => "Ran source now",
        AuditActions.ReportGenerated => "Made quarterly report",
        _ => action,
    };
}
