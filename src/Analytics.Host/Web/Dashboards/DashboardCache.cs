using System.Collections.Concurrent;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Keeps the quarter results the dashboards asked for, so moving between pages does not recompute them; everything
/// kept is dropped as soon as the data changes, by the same version the report's metric-set cache uses
/// (<c>queries/reports/metrics_version.sql</c>).
/// </summary>
public sealed class DashboardCache(MetricsService metrics, PulseDatabase database)
{
    private readonly ConcurrentDictionary<(Quarter, string?, DateOnly), Task<QuarterlyMetrics>> _quarters = new();
    private readonly Lock _gate = new();
    private string? _version;

    /// <summary>The metric set of a quarter up to <paramref name="until"/>, computed once per data version.</summary>
    public async Task<QuarterlyMetrics> QuarterAsync(Quarter quarter, string? team, DateOnly until, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        lock (_gate)
        {
            if (version != _version)
            {
                _quarters.Clear();
                _version = version;
            }
        }

        // A computation is shared by the requests that wait for it, so none of them may cancel it for the others.
        var task = _quarters.GetOrAdd((quarter, team, until), key => metrics.QuarterAsync(key.Item1, key.Item2, key.Item3, CancellationToken.None));
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.IsFaulted)
        {
            _quarters.TryRemove(new KeyValuePair<(Quarter, string?, DateOnly), Task<QuarterlyMetrics>>((quarter, team, until), task));
            throw;
        }
    }

    private async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(SqlQueries.Get("reports/metrics_version"), cancellationToken: cancellationToken)) ?? "";
    }
}
