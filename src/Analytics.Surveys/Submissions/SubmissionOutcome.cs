namespace Analytics.Surveys.Submissions;

/// <summary>What became of a submitted response.</summary>
public enum SubmissionOutcome
{
    /// <summary>Committed to the database.</summary>
    Stored,

    /// <summary>The same response was stored before (a second press of the button); nothing new stored.</summary>
    AlreadyStored,

    /// <summary>The link was used, expired or unknown; nothing stored.</summary>
    LinkNotUsable,

    /// <summary>The wave is not open (closed, not yet open, or a draft); nothing stored.</summary>
    WaveNotOpen,
}
