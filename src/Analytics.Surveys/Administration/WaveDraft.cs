namespace Analytics.Surveys.Administration;

/// <summary>A new wave as an admin describes it.</summary>
/// <param name="Name">For example "2026 Q4".</param>
/// <param name="OpensAt">First moment responses are taken.</param>
/// <param name="ClosesAt">No responses from then on.</param>
/// <param name="IsAnonymous">Keep no link from a response to the person.</param>
/// <param name="MinGroupSize">Smallest group reported (k), at least 3.</param>
/// <param name="AudienceTeamIds">Invited teams; empty for every team.</param>
/// <param name="OptionalBlocks">The survey's optional question blocks this wave asks; none when null or empty.</param>
public sealed record WaveDraft(string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool IsAnonymous, int MinGroupSize, IReadOnlyList<string> AudienceTeamIds,
    IReadOnlyList<string>? OptionalBlocks = null);
