using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Analytics.Reports.Definitions;

/// <summary>Reads and checks report definitions from <c>reports/*.yaml</c>.</summary>
public static class ReportDefinitionLoader
{
    /// <summary>Loads a definition by path, or by file name from the <c>reports</c> folder next to the executable.</summary>
    public static ReportDefinition Load(string nameOrPath)
    {
        var path = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(AppContext.BaseDirectory, "reports", nameOrPath);
        if (!File.Exists(path))
        {
            throw new ReportException($"There is no report definition '{nameOrPath}' (looked for {path}).");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses and checks a definition's YAML.</summary>
    public static ReportDefinition Parse(string yaml, string name)
    {
        ReportDefinition definition;
        try
        {
            definition = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<ReportDefinition?>(yaml) ?? new ReportDefinition();
        }
        catch (YamlException error)
        {
            throw new ReportException($"Report definition {name}, line {error.Start.Line}: {error.InnerException?.Message ?? error.Message}");
        }

        var unknown = definition.Sections.FirstOrDefault(s => !ReportDefinition.KnownSections.Contains(s));
        if (unknown is not null)
        {
            throw new ReportException($"Report definition {name}: '{unknown}' is not a section. Use any of: {string.Join(", ", ReportDefinition.KnownSections)}.");
        }

        if (definition.HistoryQuarters is < 4 or > 8)
        {
            throw new ReportException($"Report definition {name}: history_quarters must be 4 to 8, not {definition.HistoryQuarters}.");
        }

        if (definition.ForecastQuarters is < 1 or > 2)
        {
            throw new ReportException($"Report definition {name}: forecast_quarters must be 1 or 2, not {definition.ForecastQuarters}.");
        }

        return definition;
    }
}
