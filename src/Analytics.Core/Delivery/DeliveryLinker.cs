using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Delivery;

/// <summary>
/// Derives what the delivery metrics rely on from the stored rows, in one place that every source goes through:
/// production environment names in one spelling, the release each production attempt belongs to (a retried
/// pipeline is one deployment), and the release that shipped each change. It re-derives everything for the services
/// given, from all their rows, so the answer never depends on the order in which records arrived.
/// </summary>
public static class DeliveryLinker
{
    /// <summary>Re-derives environments, releases and change links for these services (every service when null).</summary>
    public static void Relink(PulseConnection connection, IReadOnlyCollection<string>? services)
    {
        if (services is { Count: 0 })
        {
            return;
        }

        var parameters = new { services = new ListParameter(services) };
        connection.Execute(SqlQueries.Get("linking/normalise_environments"), parameters);
        connection.Execute(SqlQueries.Get("linking/releases"), parameters);
        connection.Execute(SqlQueries.Get("linking/changes_to_deployments"), parameters);
        connection.Execute(SqlQueries.Get("linking/source_link_times"), parameters);
    }
}
