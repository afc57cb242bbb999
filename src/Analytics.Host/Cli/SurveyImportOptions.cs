using System.CommandLine;
using System.Globalization;
using Analytics.Core.Surveys.Templates;
using Analytics.Ingestion.Import;

namespace Analytics.Host.Cli;

/// <summary>
/// The options of <c>analytics import survey</c>: the wave, the export's time zone, and what describes a closed wave
/// to create when it does not exist (<see cref="HistoricalWave"/>).
/// </summary>
internal sealed class SurveyImportOptions
{
    private const int DefaultGroupSize = 5;

    public Option<string?> Wave { get; } = new("--wave") { Description = "For survey: the wave whose questions the export's columns name.", HelpName = "id" };

    public Option<string> TimeZone { get; } = new("--time-zone")
    {
        Description = "For survey: the zone of the export's times and of --opened and --closed.", HelpName = "zone", DefaultValueFactory = _ => "UTC",
    };

    private Option<string?> Template { get; } = new("--template")
    {
        Description = $"For survey, when the wave does not exist: create it on a new survey made from this template ({string.Join(", ", SurveyTemplateCatalog.All.Select(t => t.Name))}).",
        HelpName = "name",
    };

    private Option<string?> Survey { get; } = new("--survey") { Description = "For survey, when the wave does not exist: create it on this existing survey.", HelpName = "id" };

    private Option<string?> Name { get; } = new("--wave-name") { Description = "For a new wave: its name (default: the wave id).", HelpName = "name" };

    private Option<string?> Opened { get; } = new("--opened") { Description = "For a new wave: its first day of answers.", HelpName = "YYYY-MM-DD" };

    private Option<string?> Closed { get; } = new("--closed") { Description = "For a new wave: its last day of answers, in the past.", HelpName = "YYYY-MM-DD" };

    private Option<string?> GroupSize { get; } = new("--k") { Description = $"For a new wave: the smallest group reported, at least 3 (default {DefaultGroupSize}).", HelpName = "n" };

    private Option<string?> Anonymous { get; } = new("--anonymous") { Description = "For a new wave: true (the default) keeps the team but never the person; false keeps the person.", HelpName = "true|false" };

    public IEnumerable<Option> All => [Wave, TimeZone, Template, Survey, Name, Opened, Closed, GroupSize, Anonymous];

    /// <summary>The export's time zone.</summary>
    public TimeZoneInfo Zone(ParseResult parse)
    {
        var id = parse.GetValue(TimeZone)!;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new ArgumentException($"--time-zone '{id}' is not a time zone; give an IANA name such as Europe/Berlin.");
    }

    /// <summary>The wave to create when it is missing, or null when no option describes one.</summary>
    public HistoricalWave? Definition(ParseResult parse, string waveId)
    {
        var template = parse.GetValue(Template);
        var survey = parse.GetValue(Survey);
        var name = parse.GetValue(Name);
        var opened = parse.GetValue(Opened);
        var closed = parse.GetValue(Closed);
        var k = parse.GetValue(GroupSize);
        var anonymous = parse.GetValue(Anonymous);
        if (template is null && survey is null && name is null && opened is null && closed is null && k is null && anonymous is null)
        {
            return null;
        }

        if (opened is null || closed is null)
        {
            throw new ArgumentException($"A new wave '{waveId}' needs both --opened and --closed (YYYY-MM-DD).");
        }

        return new HistoricalWave(template, survey, name ?? waveId, Day(opened, "--opened"), Day(closed, "--closed"),
            k is null ? DefaultGroupSize : GroupSizeValue(k), anonymous is null || AnonymousValue(anonymous));
    }

    // Read here rather than by the parser, whose messages come with the whole help text rather than one line.
    private static int GroupSizeValue(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            ? k
            : throw new ArgumentException($"--k '{text}' is not a whole number; give the smallest group reported, at least 3.");

    private static bool AnonymousValue(string text) =>
        bool.TryParse(text, out var anonymous) ? anonymous : throw new ArgumentException($"--anonymous '{text}' is neither true nor false.");

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"{option} '{text}' is not a date; write it as YYYY-MM-DD, for example 2025-07-01.");
}
