namespace Analytics.Reports;

/// <summary>A report that cannot be made, with a message that says why and what to do.</summary>
public sealed class ReportException(string message) : Exception(message);
