namespace Analytics.Ingestion.Scheduling;

/// <summary>A job setting (<c>Pulse:Jobs</c> or a schedule) the service cannot start with; the message names it.</summary>
public sealed class JobConfigurationException(string message) : Exception(message);
