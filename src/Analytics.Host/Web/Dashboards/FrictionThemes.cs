using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Reports.Themes;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The friction themes of a filter's survey answers, found exactly as the report finds them: the same query of the
/// free-text answers that only shown groups give (<c>queries/reports/free_text.sql</c>) and the same
/// <see cref="ThemeFinder"/>, so a theme needs at least k people and no quote comes from a hidden group.
/// </summary>
public sealed class FrictionThemes(PulseDatabase database, DashboardCache cache, IOptions<MetricsOptions> options)
{
    /// <summary>The themes of the waves that opened in the filter's period, kept until the data changes.</summary>
    public Task<IReadOnlyList<Theme>> ThemesAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        cache.KeepAsync(new ThemesKey(filter), () => FindAsync(filter, CancellationToken.None), cancellationToken);

    private async Task<IReadOnlyList<Theme>> FindAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var k = options.Value.MinimumGroupSize;
        await using var connection = await database.OpenAsync(cancellationToken);
        var answers = (await connection.QueryAsync<string>(new CommandDefinition(SqlQueries.Get("reports/free_text"),
            new { from = filter.From.ToDateTime(TimeOnly.MinValue), to = filter.Until.ToDateTime(TimeOnly.MinValue), team = filter.Team, k }, cancellationToken: cancellationToken))).AsList();
        return ThemeFinder.Find(answers, k);
    }

    private sealed record ThemesKey(DashboardFilter Filter);
}
