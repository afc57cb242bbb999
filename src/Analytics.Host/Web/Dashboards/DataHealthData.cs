using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Dapper;

namespace Analytics.Host.Web.Dashboards;

/// <summary>Reads what the data-health page shows: ingestion runs, watermarks and dead letters, straight from the tables (never cached).</summary>
public sealed class DataHealthData(PulseDatabase database)
{
    /// <summary>Refused records on one page.</summary>
    public const int PageSize = 50;

    /// <summary>Runs shown per source.</summary>
    public const int RunsPerSource = 5;

    /// <summary>
    /// The page of a filter. Throws <see cref="FormatException"/> naming <paramref name="page"/> when it is not a
    /// whole number from 1 to the last page.
    /// </summary>
    public async Task<DataHealthModel> PageAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("dashboards/dead_letter_count"), cancellationToken: cancellationToken));
        var pages = (int)Math.Max(1, (count + PageSize - 1) / PageSize);
        var number = 1;
        if (page is not null && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1 || number > pages))
        {
            throw new FormatException($"There is no page '{page}' of refused records: give a whole number from 1 to {pages}.");
        }

        var runs = (await connection.QueryAsync<IngestionRun>(new CommandDefinition(SqlQueries.Get("dashboards/last_runs"), new { per_source = RunsPerSource }, cancellationToken: cancellationToken))).AsList();
        var watermarks = (await connection.QueryAsync<WatermarkRow>(new CommandDefinition(SqlQueries.Get("dashboards/watermarks"), cancellationToken: cancellationToken))).AsList();
        var letters = await connection.QueryAsync<DeadLetter>(new CommandDefinition(SqlQueries.Get("dashboards/dead_letters"), new { limit = PageSize, offset = (number - 1) * PageSize }, cancellationToken: cancellationToken));
        return new DataHealthModel(filter, runs, watermarks, [.. letters.Select(DeadLetterRow.Of)], count, number, pages);
    }

    /// <summary>Every refused record, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetterRow>> AllDeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var letters = await connection.QueryAsync<DeadLetter>(new CommandDefinition(SqlQueries.Get("dashboards/dead_letters"), new { limit = int.MaxValue, offset = 0 }, cancellationToken: cancellationToken));
        return [.. letters.Select(DeadLetterRow.Of)];
    }
}
