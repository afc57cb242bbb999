namespace Analytics.Core.Metrics.Support;

/// <summary>A support request category and the effort it costs: a candidate for self-service.</summary>
/// <param name="Category">The request type.</param>
/// <param name="Requests">Requests.</param>
/// <param name="MedianHandlingHours">Median hours to resolve.</param>
/// <param name="EffortHours">Requests × median handling hours.</param>
public sealed record SupportCategory(
    string Category,
    long Requests,
    double? MedianHandlingHours,
    double? EffortHours);
