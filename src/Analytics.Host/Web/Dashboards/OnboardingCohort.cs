namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The engineers who started in one quarter and how soon they first deployed to production. A cohort too small to
/// show (or whose showing would reveal a smaller group by subtraction) has <see cref="Hidden"/> set and no figures.
/// </summary>
/// <param name="Quarter">The quarter they started in.</param>
/// <param name="Starters">Engineers who started, or null when hidden.</param>
/// <param name="Deployed">Of those, who have deployed.</param>
/// <param name="MedianDays">Median days to the first deployment, over those who deployed.</param>
/// <param name="P75Days">75th percentile days.</param>
/// <param name="ShareWithin30Days">Share deploying within 30 days (0 to 1), of those whose outcome is known.</param>
/// <param name="Hidden">Whether the cohort is suppressed.</param>
public sealed record OnboardingCohort(Analytics.Core.Metrics.Quarter Quarter, long? Starters, long? Deployed, double? MedianDays, double? P75Days, double? ShareWithin30Days, bool Hidden);
