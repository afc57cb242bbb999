using Analytics.Core.Assistants;
using Analytics.Core.Storage;
using Analytics.Ingestion.Connectors.Copilot;
using Analytics.Ingestion.Sources.Catalog;
using Analytics.Ingestion.Sources.Copilot;

namespace Analytics.Ingestion.DemoData;

/// <summary>The demo's GitHub Copilot figures (<c>data-samples/copilot/</c>, written by <c>tools/generate_copilot.py</c>).</summary>
public sealed partial class DemoDataLoader
{
    private const string DemoOrganisation = "acme";

    /// <summary>
    /// Loads the metrics pages, the seat snapshots (the last one's seats; every one's activity days, as monthly syncs
    /// would have stored them) and the commit trailers of the pull requests written with Copilot.
    /// </summary>
    private static void LoadCopilot(PulseConnection connection, string folder, CatalogSnapshot catalog, DateTimeOffset now)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var editors = new CopilotOptions().Editors.ToHashSet(StringComparer.Ordinal);
        var usage = Directory.EnumerateFiles(folder, "metrics-*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => CopilotMetricsMapper.Map(File.ReadAllText(file), DemoOrganisation, editors).Rows);
        Append(connection, usage, now);

        var snapshots = Directory.EnumerateFiles(folder, "seats-*.json").Order(StringComparer.Ordinal)
            .Select(file => CopilotSeatMapper.Map(File.ReadAllText(file), DemoOrganisation)).ToList();
        if (snapshots.Count > 0)
        {
            Append(connection, snapshots[^1].Seats, now);
            Append(connection, snapshots.SelectMany(s => s.Activity).Distinct(), now);
        }

        var trailers = Path.Combine(folder, "commit-trailers.json");
        if (File.Exists(trailers))
        {
            var repositories = catalog.Services.ToDictionary(s => s.ServiceId, s => s.Repository ?? s.ServiceId, StringComparer.Ordinal);
            var byService = ReadJson(trailers, json => Sources.SourceJson.Read<Dictionary<string, Dictionary<string, List<string>>>>(json, "commit trailers file"));
            Append(connection, byService
                .Where(s => repositories.ContainsKey(s.Key))
                .SelectMany(s => s.Value.SelectMany(pull => pull.Value.Select(t => new ChangeSignal($"github:{repositories[s.Key]}#{pull.Key}", ChangeSignal.Trailer, t)))), now);
        }
    }
}
