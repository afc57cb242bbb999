using System.Collections.Concurrent;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Keeps what the dashboards computed (quarter results, trend charts), so moving between pages does not recompute
/// them; everything kept is dropped as soon as the data changes, by the same version the report's metric-set cache
/// uses (<c>queries/reports/metrics_version.sql</c>).
/// </summary>
public sealed class DashboardCache(MetricsService metrics, PulseDatabase database)
{
    private readonly ConcurrentDictionary<object, Task<object>> _kept = new();
    private readonly Lock _gate = new();
    private string? _version;

    /// <summary>The metric set of a quarter up to <paramref name="until"/>, computed once per data version.</summary>
    public Task<QuarterlyMetrics> QuarterAsync(Quarter quarter, string? team, DateOnly until, CancellationToken cancellationToken) =>
        KeepAsync(new QuarterKey(quarter, team, until), () => metrics.QuarterAsync(quarter, team, until, CancellationToken.None), cancellationToken);

    /// <summary>
    /// What <paramref name="compute"/> returns for <paramref name="key"/> (a value-equal record), computed once per
    /// data version. <paramref name="compute"/> must not depend on a request's cancellation token: the computation is
    /// shared by the requests that wait for it, so none of them may cancel it for the others.
    /// </summary>
    public async Task<T> KeepAsync<T>(object key, Func<Task<T>> compute, CancellationToken cancellationToken) where T : class
    {
        var version = await VersionAsync(cancellationToken);
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

    private async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(SqlQueries.Get("reports/metrics_version"), cancellationToken: cancellationToken)) ?? "";
    }

    private sealed record QuarterKey(Quarter Quarter, string? Team, DateOnly Until);
}
