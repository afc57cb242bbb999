using Microsoft.Extensions.Configuration;

namespace Analytics.Ingestion.Connectors;

/// <summary>How a source's HTTP calls are retried and timed, section <c>Pulse:Sources:&lt;Source&gt;:Http</c>.</summary>
public sealed class SourceHttpOptions
{
    /// <summary>Retries after the first attempt of a request that failed transiently (5xx, 429, timeout, dropped connection).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff; each further retry waits about twice as long, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one attempt's answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time for one request with all its retries and waits (rate-limit waits included).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest wait for an exhausted rate limit to reset; a later reset fails the sync, saying when to run again.</summary>
    public TimeSpan LongestRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the circuit stays open, calling the source not at all, once most recent requests failed.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reads and checks <c>&lt;section&gt;:Http</c>.</summary>
    /// <exception cref="SourceRequestException">A setting is not a value of its type or out of range; the message names it.</exception>
    public static SourceHttpOptions Read(IConfiguration configuration, string section)
    {
        var name = $"{section}:Http";
        SourceHttpOptions options;
        try
        {
            options = configuration.GetSection(name).Get<SourceHttpOptions>() ?? new SourceHttpOptions();
        }
        catch (InvalidOperationException error)
        {
            throw new SourceRequestException($"{error.Message.Split('\n')[0].Trim()} Give a number for MaxRetries and times as hh:mm:ss.");
        }

        options.Validate(name);
        return options;
    }

    /// <summary>Refuses values the pipeline cannot use.</summary>
    /// <exception cref="SourceRequestException">A value is out of range; the message names it.</exception>
    public void Validate(string name)
    {
        Check(MaxRetries is >= 0 and <= 20, $"{name}:MaxRetries is {MaxRetries}: give 0 to 20.");
        Check(BaseDelay >= TimeSpan.Zero, $"{name}:BaseDelay is {BaseDelay}: it cannot be negative.");
        Check(AttemptTimeout >= TimeSpan.FromMilliseconds(10), $"{name}:AttemptTimeout is {AttemptTimeout}: give at least 00:00:00.010.");
        Check(TotalTimeout >= AttemptTimeout, $"{name}:TotalTimeout ({TotalTimeout}) is shorter than AttemptTimeout ({AttemptTimeout}).");
        Check(LongestRateLimitWait >= TimeSpan.Zero, $"{name}:LongestRateLimitWait is {LongestRateLimitWait}: it cannot be negative.");
        Check(BreakDuration >= TimeSpan.FromMilliseconds(500), $"{name}:BreakDuration is {BreakDuration}: give at least 00:00:00.500.");
    }

    private static void Check(bool valid, string message)
    {
        if (!valid)
        {
            throw new SourceRequestException(message);
        }
    }
}
