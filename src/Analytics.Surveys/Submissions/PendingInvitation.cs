namespace Analytics.Surveys.Submissions;

/// <summary>A stored single-use link, as the writer and the form see it.</summary>
/// <param name="TokenHash">SHA-256 of the token.</param>
/// <param name="WaveId">The wave it answers.</param>
/// <param name="EngineerId">Who it was made for.</param>
/// <param name="TeamId">Their team when it was made.</param>
/// <param name="ExpiresAt">No longer usable from then.</param>
/// <param name="UsedAt">When it was used (in anonymous waves only the wave's opening, never the day); null while unused.</param>
public sealed record PendingInvitation(string TokenHash, string WaveId, string EngineerId, string TeamId, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt)
{
    /// <summary>Whether a response may still be given through it at <paramref name="now"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && ExpiresAt > now;
}
