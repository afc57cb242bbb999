using Dapper;

namespace Analytics.Core.Storage;

/// <summary>Counts of what the database holds.</summary>
public static class DatabaseStatistics
{
    /// <summary>Counts the rows of the main tables.</summary>
    public static Task<ActivityCounts> CountAsync(PulseConnection connection, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<ActivityCounts>(new CommandDefinition(SqlQueries.Get("storage/activity_counts"), cancellationToken: cancellationToken));
}
