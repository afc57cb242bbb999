namespace Analytics.Host.Web.Api;

/// <summary>The figure a drill-down list makes up, as the metric computes it from every record of the list.</summary>
/// <param name="Metric">deployment_frequency, lead_time, change_failure_rate or recovery_time.</param>
/// <param name="Value">Deployments per day, median lead time in hours, failed ÷ releases, or median recovery in hours; null when there is nothing to measure.</param>
/// <param name="Counted">The records the value is computed from: deployments, changes, failed releases, or failures recovered.</param>
/// <param name="OutOf">What the count is taken from: releases for the change failure rate, failures for recovery time, days for frequency.</param>
public sealed record DrillDownFigure(string Metric, double? Value, long Counted, long? OutOf);
