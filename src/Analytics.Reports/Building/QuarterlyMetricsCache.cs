using System.Collections.Concurrent;
using Analytics.Core.Metrics;

namespace Analytics.Reports.Building;

/// <summary>
/// Keeps the metric sets of closed quarters, keyed by quarter, scope, the day they run until and the data version
/// (<c>queries/reports/metrics_version.sql</c>), so a second report of a quarter, or the next quarter's report
/// (which compares with it), does not compute them again. A new version drops every entry; the caller never offers
/// a quarter in progress, whose figures change every day.
/// </summary>
public sealed class QuarterlyMetricsCache
{
    private readonly ConcurrentDictionary<Key, QuarterlyMetrics> _entries = new();
    private readonly Lock _lock = new();
    private string? _version;
    private int _hits;

    /// <summary>How many times a cached metric set was returned, for tests and benchmarks.</summary>
    public int Hits => _hits;

    /// <summary>The cached metric set, or the one <paramref name="load"/> returns (then cached).</summary>
    public async Task<QuarterlyMetrics> GetAsync(Quarter quarter, string? team, DateOnly until, string version, Func<Task<QuarterlyMetrics>> load)
    {
        lock (_lock)
        {
            if (_version != version)
            {
                _entries.Clear();
                _version = version;
            }
        }

        var key = new Key(quarter, team, until, version);
        if (_entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var metrics = await load();
        _entries[key] = metrics;
        return metrics;
    }

    private sealed record Key(Quarter Quarter, string? Team, DateOnly Until, string Version);
}
