using System.Collections.Concurrent;
using Analytics.Core.Metrics;

namespace Analytics.Reports.Building;

/// <summary>
/// Keeps the monthly delivery series of closed quarters, which do not change once the quarter is over, keyed by
/// quarter, scope, charted months and the data version (<c>queries/reports/series_version.sql</c>). A new version
/// (a load committed new rows) drops every entry.
/// </summary>
public sealed class MonthlySeriesCache
{
    private readonly ConcurrentDictionary<Key, MonthlySeries> _entries = new();
    private readonly Lock _lock = new();
    private string? _version;
    private int _hits;

    /// <summary>How many times a cached series was returned, for tests and benchmarks.</summary>
    public int Hits => _hits;

    /// <summary>The cached series, or those <paramref name="load"/> returns (then cached).</summary>
    public async Task<MonthlySeries> GetAsync(Quarter quarter, string? team, DateOnly from, DateOnly to, string version, Func<Task<MonthlySeries>> load)
    {
        lock (_lock)
        {
            if (_version != version)
            {
                _entries.Clear();
                _version = version;
            }
        }

        var key = new Key(quarter, team, from, to, version);
        if (_entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var series = await load();
        _entries[key] = series;
        return series;
    }

    private sealed record Key(Quarter Quarter, string? Team, DateOnly From, DateOnly To, string Version);
}
