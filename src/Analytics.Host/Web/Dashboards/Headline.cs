namespace Analytics.Host.Web.Dashboards;

/// <summary>One headline figure of the overview: this period, the one before, and whether it moved the good way.</summary>
/// <param name="Name">What is measured, e.g. "Deployments per day".</param>
/// <param name="Value">This period's figure as shown, or null when there is no data.</param>
/// <param name="Previous">The period before's figure as shown, or null.</param>
/// <param name="Change">The change in words, e.g. "+12%", or null.</param>
/// <param name="Better">True when the change is an improvement, false when it is worse, null when flat or unknown.</param>
/// <param name="Note">Why there is no figure, or what limits it.</param>
public sealed record Headline(string Name, string? Value, string? Previous, string? Change, bool? Better, string? Note = null);
