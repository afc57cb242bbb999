using System.Collections.Concurrent;

namespace Analytics.Reports.Building;

/// <summary>
/// Keeps the DX Core 4 and AI-assisted development figures of closed quarters, keyed by what they were computed for
/// and the data version (<c>queries/reports/metrics_version.sql</c>), as <see cref="QuarterlyMetricsCache"/> keeps
/// the metric sets: they take seconds (the before/after comparison reads twelve quarters), and a closed quarter's do
/// not change until new rows arrive. A new version drops every entry; a quarter in progress is never offered.
/// </summary>
public sealed class FigureCache
{
    private readonly ConcurrentDictionary<(object Key, string Version), object> _entries = new();
    private readonly Lock _lock = new();
    private string? _version;
    private int _hits;

    /// <summary>How many times cached figures were returned, for tests and benchmarks.</summary>
    public int Hits => _hits;

    /// <summary>The figures cached under <paramref name="key"/>, or those <paramref name="load"/> returns (then cached).</summary>
    internal async Task<T> GetAsync<T>(object key, string version, Func<Task<T>> load)
        where T : class
    {
        lock (_lock)
        {
            if (_version != version)
            {
                _entries.Clear();
                _version = version;
            }
        }

        if (_entries.TryGetValue((key, version), out var cached) && cached is T figures)
        {
            Interlocked.Increment(ref _hits);
            return figures;
        }

        var loaded = await load();
        _entries[(key, version)] = loaded;
        return loaded;
    }
}
