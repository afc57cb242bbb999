using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Analytics.Ingestion.Tests.Delivery.DeliveryDatabase;

namespace Analytics.Ingestion.Tests.Delivery;

/// <summary>
/// Invariants of the delivery metrics on random small organisations: linking and every metric are independent of
/// the order and grouping in which records arrive, the change failure rate stays in [0, 1] and no duration is
/// negative. Each number FsCheck draws decodes to one record (service, time, commit, status, cause), so shrinking
/// leads to a small failing case.
/// </summary>
public sealed class DeliveryPropertyTests
{
    private static readonly string[] Services = ["pay-api", "pay-web", "search-api"];
    private static readonly DateTimeOffset Start = new(2026, 6, 25, 0, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 40)]
    public Property Links_and_metrics_do_not_depend_on_arrival_order(int[] deployments, int[] changes, int[] incidents, int shuffle)
    {
        var records = Records(deployments, changes, incidents);
        var random = new Random(shuffle);
        var shuffled = records.OrderBy(_ => random.Next()).ToList();

        var inOrder = Outcome([records.ToArray()]);
        // The same records in another order, arriving as many small loads, as webhooks deliver them.
        var batches = shuffled.Chunk(1 + random.Next(3)).ToArray();
        var reordered = Outcome(batches);
        return (inOrder == reordered).Label($"in order:\n{inOrder}\nreordered:\n{reordered}");
    }

    [Property(MaxTest = 20)]
    public Property Failure_rate_stays_between_zero_and_one_and_no_duration_is_negative(int[] deployments, int[] changes, int[] incidents)
    {
        using var store = new DeliveryDatabase();
        store.Load(Records(deployments, changes, incidents).ToArray());
        var quarter = new Quarter(2026, 3);
        var failures = store.Metrics<ChangeFailureRate>("change_failure_rate", quarter).GetAwaiter().GetResult();
        var recovery = store.Metrics<RecoveryTime>("recovery_time", quarter).GetAwaiter().GetResult();
        var lead = store.Metrics<LeadTime>("lead_time", quarter).GetAwaiter().GetResult();
        var negative = store.Connection.QuerySingle<long>(
            "SELECT count(*) FROM changes WHERE deployed_at < merged_at AND linked_by = 'time'");

        return (failures.All(f => f.Rate is null or >= 0 and <= 1 && f.FailedDeployments <= f.Deployments)
                && recovery.All(r => r.MedianHours is null or >= 0 && r.P90Hours is null or >= 0)
                && lead.All(l => l.MedianHours is null or >= 0)
                && negative == 0)
            .Label(string.Join("\n", failures.Select(f => f.ToString())));
    }

    /// <summary>Decodes the drawn numbers into records: deployments, changes and incidents over a quarter and a bit.</summary>
    private static List<(string Entity, Dictionary<string, string?> Fields)> Records(int[] deployments, int[] changes, int[] incidents)
    {
        var records = new List<(string, Dictionary<string, string?>)>();
        foreach (var (seed, index) in deployments.Take(12).Select((s, i) => (Spread(s, i), i)))
        {
            var status = (seed / 7 % 5) switch { 0 => "failure", 1 => "in_progress", _ => "success" };
            records.Add(("deployments", Deployment($"d{index}", Services[seed % 3], Time(seed / 3 % 40, seed / 360 % 24), sha: $"s{seed / 11 % 6}", status: status,
                environment: seed / 13 % 6 == 0 ? "Prod" : "production", rollback: seed / 17 % 9 == 0, hotfix: seed / 19 % 7 == 0)));
        }

        foreach (var (seed, index) in changes.Take(12).Select((s, i) => (Spread(s, i), i)))
        {
            var merged = seed / 3 % 40;
            records.Add(("changes", Change($"c{index}", Services[seed % 3], Time(merged >= 2 ? merged - 2 : 0, 9), Time(merged, seed / 360 % 24), $"s{seed / 11 % 6}")));
        }

        foreach (var (seed, index) in incidents.Take(8).Select((s, i) => (Spread(s, i), i)))
        {
            var opened = seed / 3 % 40;
            var cause = (seed / 5 % 4) switch { 0 => $"d{seed / 23 % 12}", _ => null };
            var sha = seed / 5 % 4 == 1 ? $"s{seed / 11 % 6}" : null;
            records.Add(("incidents", Incident($"i{index}", Services[seed % 3], Time(opened, seed / 360 % 24), seed % 2 == 0 ? Time(opened, 23) : null, cause, sha)));
        }

        return records;
    }

    // FsCheck draws small numbers; a multiplicative hash (with the position, so equal numbers differ) spreads them
    // over every field's range.
    private static uint Spread(int drawn, int index) => unchecked(((uint)drawn * 2654435761u) ^ ((uint)index * 40503u));

    private static string Time(uint day, uint hour) =>
        Start.AddDays(day).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Everything the links decide, and every delivery metric of the quarter, as one comparable text.</summary>
    private static string Outcome(IEnumerable<(string Entity, Dictionary<string, string?> Fields)[]> loads)
    {
        using var store = new DeliveryDatabase();
        foreach (var load in loads)
        {
            store.Load(load);
        }

        var quarter = new Quarter(2026, 3);
        var links = store.Connection.Query<string>("""
            SELECT change_id || '>' || coalesce(deployment_id, '-') || ':' || coalesce(linked_by, '-') FROM changes
            UNION ALL
            SELECT deployment_id || '=' || environment || ':' || coalesce(release_id, '-') FROM deployments
            ORDER BY 1
            """);
        var metrics = new List<object>();
        metrics.AddRange(store.Metrics<DeploymentFrequency>("deployment_frequency", quarter).GetAwaiter().GetResult());
        metrics.AddRange(store.Metrics<ChangeFailureRate>("change_failure_rate", quarter).GetAwaiter().GetResult());
        metrics.AddRange(store.Metrics<RecoveryTime>("recovery_time", quarter).GetAwaiter().GetResult());
        metrics.AddRange(store.Metrics<LeadTime>("lead_time", quarter).GetAwaiter().GetResult());
        metrics.AddRange(store.Metrics<ReworkRate>("rework_rate", quarter).GetAwaiter().GetResult());
        return string.Join("\n", links.Concat(metrics.Select(m => m.ToString())));
    }
}
