namespace Analytics.Ingestion.Scheduling;

/// <summary>How the service runs its background jobs (Hangfire), section <c>Pulse:Jobs</c>.</summary>
public sealed class JobOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Jobs";

    /// <summary>The storage the embedded service needs nothing for: jobs live in the process.</summary>
    public const string MemoryStorage = "memory";

    /// <summary>A PostgreSQL database, shared by several replicas as one queue.</summary>
    public const string PostgresStorage = "postgres";

    /// <summary>Where queued and recurring jobs are kept: <c>memory</c> (the default) or <c>postgres</c>.</summary>
    public string Storage { get; set; } = MemoryStorage;

    /// <summary>The PostgreSQL connection string when <see cref="Storage"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether this process runs jobs; false for a replica that only serves the web.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How many jobs this process runs at once.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often scheduled jobs (retries among them) and the PostgreSQL queue are polled.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Seconds to wait before each retry of a sync whose source was unavailable (5xx, 429, timeouts after the HTTP
    /// retries); one retry per entry. Unset means 60, 300, 900. Nothing else is retried.
    /// </summary>
    public int[]? RetryDelaysSeconds { get; set; }

    /// <summary>The retry delays in effect.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => [.. (RetryDelaysSeconds ?? [60, 300, 900]).Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>Refuses settings the service cannot run with, naming the setting.</summary>
    /// <exception cref="JobConfigurationException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (Storage is not (MemoryStorage or PostgresStorage))
        {
            throw new JobConfigurationException($"{Section}:Storage is '{Storage}': use '{MemoryStorage}' (the default) or '{PostgresStorage}'.");
        }

        if (Storage == PostgresStorage && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new JobConfigurationException($"{Section}:Storage is '{PostgresStorage}' but {Section}:ConnectionString is empty: set it to the PostgreSQL connection string (Host=…;Database=…;Username=…).");
        }

        if (Workers < 1)
        {
            throw new JobConfigurationException($"{Section}:Workers is {Workers}: it must be at least 1.");
        }

        if (PollingInterval <= TimeSpan.Zero)
        {
            throw new JobConfigurationException($"{Section}:PollingInterval is {PollingInterval}: it must be positive, for example 00:00:15.");
        }

        if (RetryDelaysSeconds is { } delays && delays.Any(d => d < 0))
        {
            throw new JobConfigurationException($"{Section}:RetryDelaysSeconds has a negative delay: give seconds, for example 60, 300, 900.");
        }
    }
}
