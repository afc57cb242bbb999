using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Metrics.Dora;

/// <summary>Checks the configured DORA report year against the years whose levels or buckets are stored.</summary>
public static class DoraReportYears
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the setting and the known years when <paramref name="year"/> is not one of them.</summary>
    public static async Task EnsureKnownAsync(PulseConnection connection, int year, CancellationToken cancellationToken)
    {
        var known = (await connection.QueryAsync<int>(new CommandDefinition(SqlQueries.Get("metrics/dora_report_years"), cancellationToken: cancellationToken))).ToList();
        if (!known.Contains(year))
        {
            throw new ArgumentException($"Pulse:Metrics:DoraReportYear is {year}, but Pulse knows the DORA reports of {string.Join(" and ", known)}; set one of those.");
        }
    }
}
