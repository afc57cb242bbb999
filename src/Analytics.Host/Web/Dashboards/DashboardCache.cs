using System.Collections.Concurrent;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Keeps what the dashboards computed (quarter results, trend charts), so moving between pages does not recompute
/// them; everything kept is dropped as soon as the data changes, by the same version the report's metric-set cache
/// uses (<c>queries/reports/metrics_version.sql</c>). Requests that arrive while that version is being read share the
/// next reading, so concurrent pages cost one version query, not one each, and none sees a version read before it arrived.
/// </summary>
public sealed class DashboardCache(MetricsService metrics, PulseDatabase database)
{
    private readonly ConcurrentDictionary<object, Task<object>> _kept = new();
    private readonly Lock _gate = new();
    private readonly Lock _versionGate = new();
    private string? _version;
    private Task<string>? _reading;
    private Task<string>? _nextReading;
    private int _versionReads;

    /// <summary>How many times the data version was read, for tests and benchmarks.</summary>
    public int VersionReads => _versionReads;

    /// <summary>The metric set of a quarter up to <paramref name="until"/>, computed once per data version.</summary>
    public Task<QuarterlyMetrics> QuarterAsync(Quarter quarter, string? team, DateOnly until, CancellationToken cancellationToken) =>
        KeepAsync(new QuarterKey(quarter, team, until), () => metrics.QuarterAsync(quarter, team, until, CancellationToken.None), cancellationToken);

    /// <summary>The metric set a filter shows: its quarter's (up to its last day), or its date range's as one period.</summary>
    public Task<QuarterlyMetrics> SetAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        filter.IsRange
            ? KeepAsync(new RangeKey(filter.From, filter.Until, filter.Team), () => metrics.RangeAsync(filter.From, filter.Until, filter.Team, CancellationToken.None), cancellationToken)
            : QuarterAsync(filter.Quarter, filter.Team, filter.Until, cancellationToken);

    /// <summary>
    /// What <paramref name="compute"/> returns for <paramref name="key"/> (a value-equal record), computed once per
    /// data version. <paramref name="compute"/> must not depend on a request's cancellation token: the computation is
    /// shared by the requests that wait for it, so none of them may cancel it for the others.
    /// </summary>
    public async Task<T> KeepAsync<T>(object key, Func<Task<T>> compute, CancellationToken cancellationToken) where T : class
    {
        var version = await CurrentVersionAsync().WaitAsync(cancellationToken);
        lock (_gate)
        {
            if (version != _version)
            {
                _kept.Clear();
                _version = version;
            }
        }

        var task = _kept.GetOrAdd(key, _ => Boxed(compute()));
        try
        {
            return (T)await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.IsFaulted)
        {
            _kept.TryRemove(new KeyValuePair<object, Task<object>>(key, task));
            throw;
        }
    }

    private static async Task<object> Boxed<T>(Task<T> task) where T : class => await task;

    // A reading already under way may have started before this caller's data was written, so the caller waits for the
    // next one, which every caller arriving meanwhile shares: at most one reading runs and one waits.
    private Task<string> CurrentVersionAsync()
    {
        lock (_versionGate)
        {
            if (_reading is null || _reading.IsCompleted)
            {
                return _reading = ReadVersionAsync();
            }

            return _nextReading ??= ReadAfterAsync(_reading);
        }
    }

    private async Task<string> ReadAfterAsync(Task<string> running)
    {
        await Task.WhenAny(running);
        Task<string> reading;
        lock (_versionGate)
        {
            _nextReading = null;
            _reading = reading = ReadVersionAsync();
        }

        return await reading;
    }

    // Shared by every waiting request, so none of them may cancel it; DuckDB's calls block, so it runs off the caller's thread.
    private Task<string> ReadVersionAsync()
    {
        Interlocked.Increment(ref _versionReads);
        return Task.Run(async () =>
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            return await connection.ExecuteScalarAsync<string>(new CommandDefinition(SqlQueries.Get("reports/metrics_version"))) ?? "";
        });
    }

    private sealed record QuarterKey(Quarter Quarter, string? Team, DateOnly Until);

    private sealed record RangeKey(DateOnly From, DateOnly Until, string? Team);
}
