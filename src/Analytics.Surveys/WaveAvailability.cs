namespace Analytics.Surveys;

/// <summary>Whether a wave takes responses at a moment, and if not, why.</summary>
public enum WaveAvailability
{
    /// <summary>Opened by an admin and inside its dates.</summary>
    Open,

    /// <summary>Not opened yet by an admin (a draft).</summary>
    Draft,

    /// <summary>Opened, but its opening date is still ahead.</summary>
    NotYetOpen,

    /// <summary>Closed by an admin or past its closing date.</summary>
    Closed,
}
