using Analytics.Core.Storage;
using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Connectors;

/// <summary>A source API that Pulse pulls from on a schedule, from the CLI and from the web.</summary>
public interface ISourceConnector
{
    /// <summary>The source's name in <c>analytics sync</c>, runs and watermarks, for example <c>github</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Why the source cannot run with the configuration it has, naming the setting to set (for example a missing
    /// token), or null when it can; a sync that runs anyway fails with this message.
    /// </summary>
    string? MissingSetting { get; }

    /// <summary>Pulls what changed since the last sync and stores it as one recorded run.</summary>
    Task<ImportResult> SyncAsync(PulseConnection connection, string trigger, CancellationToken cancellationToken);
}
