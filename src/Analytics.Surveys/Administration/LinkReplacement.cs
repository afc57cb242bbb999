namespace Analytics.Surveys.Administration;

/// <summary>What making a wave's personal links again would do, for the admin to confirm first.</summary>
/// <param name="WorkingLinks">Links already made that still work (unused, not expired) and would stop working.</param>
/// <param name="NewLinks">Links that would be made: one per invited engineer who has not answered.</param>
public sealed record LinkReplacement(long WorkingLinks, int NewLinks);
