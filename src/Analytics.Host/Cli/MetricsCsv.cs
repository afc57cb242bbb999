using System.Collections;
using System.Globalization;
using Analytics.Core.Csv;
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
        output.WriteLine(CsvCell.Line(["section", "level", "team", "service", "period", "item", "metric", "value"]));
        foreach (var section in typeof(QuarterlyMetrics).GetProperties().Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
            && !typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
        {
            foreach (var row in (IEnumerable)section.GetValue(metrics)!)
            {
                var fields = row.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(row));
                CsvCell Field(string name) => fields.TryGetValue(name, out var value) ? Cell(value) : CsvCell.Empty;
                var period = PeriodFields.Select(Field).FirstOrDefault(c => c.Field.Length > 0);
                var item = string.Join('/', ItemFields.Select(name => fields.GetValueOrDefault(name)).OfType<string>().Where(v => v.Length > 0));
                foreach (var (name, value) in fields.Where(f => !Keys.Contains(f.Key)))
                {
                    output.WriteLine(CsvCell.Line([CsvCell.Text(section.Name), Field("Level"), Field("TeamId"), Field("ServiceId"), period, CsvCell.Text(item), CsvCell.Text(name), Cell(value)]));
                }
            }
        }
    }

    /// <summary>Numbers the metrics computed stay numbers; everything else is text and defused.</summary>
    private static CsvCell Cell(object? value) => value switch
    {
        null => CsvCell.Empty,
        double d => CsvCell.Number(d),
        long l => CsvCell.Number(l),
        int i => CsvCell.Number(i),
        DateOnly day => CsvCell.Day(day),
        DateTimeOffset instant => CsvCell.Timestamp(instant),
        _ => CsvCell.Text(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
