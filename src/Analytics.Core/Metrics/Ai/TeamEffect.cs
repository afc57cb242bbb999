namespace Analytics.Core.Metrics.Ai;

/// <summary>One adopting team's difference in differences for a measure.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="AdoptedIn">Its adoption quarter (left out of both windows).</param>
/// <param name="Before">Mean of its quarters before.</param>
/// <param name="After">Mean of its quarters after.</param>
/// <param name="ControlChange">Mean change (after − before, same quarters) of the teams not adopted yet.</param>
/// <param name="Effect">(After − Before) − ControlChange.</param>
/// <param name="Controls">How many not-yet-adopted teams it is compared with.</param>
public sealed record TeamEffect(string TeamId, Quarter AdoptedIn, double Before, double After, double ControlChange, double Effect, int Controls);
