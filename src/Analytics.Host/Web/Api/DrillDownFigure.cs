namespace Analytics.Host.Web.Api;

/// <summary>The figure a drill-down list makes up, as the metric computes it from every record of the list.</summary>
/// <param name="Metric">deployment_frequency, lead_time, change_failure_rate, recovery_time or rework_rate.</param>
/// <param name="Value">Deployments per day, median lead time in hours, failed ÷ releases, median recovery in hours, or rework ÷ releases; null when there is nothing to measure.</param>
/// <param name="Counted">The records the value is computed from: deployments, changes, failed releases, failures recovered, or rework releases.</param>
/// <param name="OutOf">What the count is taken from: releases for the change failure and rework rates, failures for recovery time, days for frequency.</param>
public sealed record DrillDownFigure(string Metric, double? Value, long Counted, long? OutOf);
