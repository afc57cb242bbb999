using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Cli;

/// <summary>Whether the database holds anything in a quarter; a quarter with nothing gets a line saying where the data is.</summary>
internal static class QuarterData
{
    /// <summary>Throws <see cref="CliException"/> naming the span of the data when <paramref name="quarter"/> has none.</summary>
    public static async Task EnsureAnyAsync(PulseDatabase database, Quarter quarter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var span = await connection.QuerySingleAsync<Span>(new CommandDefinition(SqlQueries.Get("metrics/data_span"),
            new { from = Utc(quarter.Start), to = Utc(quarter.End) }, cancellationToken: cancellationToken));
        if (span.InQuarter > 0)
        {
            return;
        }

        throw new CliException(span is { First: { } first, Last: { } last }
            ? string.Create(CultureInfo.InvariantCulture, $"no data for {quarter} (data runs from {first.UtcDateTime:yyyy-MM-dd} to {last.UtcDateTime:yyyy-MM-dd})")
            : $"no data for {quarter} (the database holds no records yet; `analytics import`, `analytics sync` or `analytics seed` bring some in)");
    }

    private static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record Span(DateTimeOffset? First, DateTimeOffset? Last, long InQuarter);
}
