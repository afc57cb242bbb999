using System.Collections;
using System.Globalization;
using Analytics.Core.Metrics;

namespace Analytics.Host.Cli;

/// <summary>
/// The quarter's metrics as one long CSV table: section, level, team, service, period, metric, value. Every
/// numeric field of every result row becomes a line, so a spreadsheet can pivot it any way.
/// </summary>
internal static class MetricsCsv
{
    private static readonly string[] PeriodFields = ["PeriodStart", "WeekStart", "CohortStart", "WaveName"];
    private static readonly string[] ItemFields = ["Dimension", "Item", "Capability", "Category"];
    private static readonly HashSet<string> Keys = ["Level", "TeamId", "ServiceId", "PeriodStart", "WeekStart", "CohortStart", "WaveId", "WaveName", "OpensAt", "Category", "Capability", "Dimension", "Item"];

    public static void Write(TextWriter output, QuarterlyMetrics metrics)
    {
        output.WriteLine("section,level,team,service,period,item,metric,value");
        foreach (var section in typeof(QuarterlyMetrics).GetProperties().Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))
        {
            foreach (var row in (IEnumerable)section.GetValue(metrics)!)
            {
                var fields = row.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(row));
                string Field(string name) => fields.TryGetValue(name, out var value) ? Format(value) : string.Empty;
                var period = PeriodFields.Select(Field).FirstOrDefault(v => v.Length > 0) ?? string.Empty;
                var item = ItemFields.Select(Field).Where(v => v.Length > 0);
                foreach (var (name, value) in fields.Where(f => !Keys.Contains(f.Key)))
                {
                    output.WriteLine(string.Join(',', section.Name, Field("Level"), Field("TeamId"), Field("ServiceId"), period, Quote(string.Join('/', item)), name, Format(value)));
                }
            }
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : text;
}
