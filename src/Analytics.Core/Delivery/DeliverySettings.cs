using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Delivery;

/// <summary>
/// Records in the database the settings that shape stored delivery rows (production environment names, the link
/// window), so that the service, the command line and every import apply the same ones; when they change, every
/// stored row is re-derived with the new ones.
/// </summary>
public static class DeliverySettings
{
    /// <summary>
    /// Stores the settings and re-derives all rows when they differ from those last applied; returns whether they did.
    /// Throws <see cref="ArgumentException"/> naming a bad setting, with nothing changed.
    /// </summary>
    public static bool Apply(PulseConnection connection, MetricsOptions options)
    {
        // A bad setting must fail here, before it re-derives (and so rewrites) every stored row.
        options.Validate();
        var parameters = new
        {
            production_environments = new ListParameter(options.ProductionEnvironmentNames()),
            link_window_days = options.LinkWindowDays,
        };
        if (connection.ExecuteScalar<bool>(SqlQueries.Get("linking/delivery_settings_match"), parameters))
        {
            return false;
        }

        using var transaction = connection.BeginTransaction();
        connection.Execute(SqlQueries.Get("linking/save_delivery_settings"), parameters);
        DeliveryLinker.Relink(connection, null);
        transaction.Commit();
        return true;
    }
}
