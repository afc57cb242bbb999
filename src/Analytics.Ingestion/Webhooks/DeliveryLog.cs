using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Ingestion.Webhooks;

/// <summary>
/// The delivery ids of stored pushed deliveries (<c>webhook_deliveries</c>), per source, each until it expires:
/// a delivery whose id is here is answered as already received and not applied again.
/// </summary>
internal static class DeliveryLog
{
    /// <summary>The source of Pulse's own event deliveries (<c>X-Pulse-Delivery</c>).</summary>
    public const string PulseEvents = "pulse";

    /// <summary>The source of GitHub's webhook deliveries (<c>X-GitHub-Delivery</c>).</summary>
    public const string GitHub = "github";

    /// <summary>True when a delivery with this id was stored and is still remembered at <paramref name="now"/>.</summary>
    public static bool WasReceived(PulseConnection connection, string source, string deliveryId, DateTimeOffset now) =>
        connection.QuerySingle<bool>(SqlQueries.Get("ingestion/delivery_received"), new { source, delivery_id = deliveryId, now });

    /// <summary>Remembers a delivery until <paramref name="expiresAt"/>; call it in the transaction that stores it.</summary>
    public static void Remember(PulseConnection connection, string source, string deliveryId, DateTimeOffset receivedAt, DateTimeOffset expiresAt) =>
        connection.Execute(SqlQueries.Get("ingestion/remember_delivery"), new { source, delivery_id = deliveryId, received_at = receivedAt, expires_at = expiresAt });

    /// <summary>Forgets the deliveries that expired before <paramref name="now"/>.</summary>
    public static void ForgetExpired(PulseConnection connection, DateTimeOffset now) =>
        connection.Execute(SqlQueries.Get("ingestion/forget_expired_deliveries"), new { now });
}
