using System.Globalization;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Ingestion.Sources.Surveys;

namespace Analytics.Ingestion.Import;

/// <summary>Which wave an import goes to: an existing one, checked against the definition given, or a new closed one.</summary>
public static partial class SurveyImporter
{
    private static TargetWave Target(PulseConnection connection, string waveId, TimeZoneInfo zone, HistoricalWave? definition, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var existing = SurveyDefinitions.Wave(connection, waveId, cancellationToken);
        if (definition is null || (definition.Template is null && definition.SurveyId is null))
        {
            if (existing is null)
            {
                throw new ArgumentException($"There is no survey wave '{waveId}'. To create it in the same run, add --template <name> or --survey <id>, with --opened and --closed.");
            }

            return definition is null
                ? new TargetWave(existing, SurveyDefinitions.Questions(connection, existing.SurveyId, cancellationToken), null, false)
                : throw new ArgumentException($"Wave '{waveId}' exists; to import into it, leave out the options that describe a new wave, or give all of them: --template <name> or --survey <id>, with --opened and --closed.");
        }

        var template = Check(definition, zone, clock);
        var survey = definition.SurveyId is null ? null
            : SurveyDefinitions.Survey(connection, definition.SurveyId, cancellationToken) ?? throw new ArgumentException($"There is no survey '{definition.SurveyId}'.");
        var opensAt = SurveyWaveDates.StartOf(definition.Opened, zone);
        var closesAt = SurveyWaveDates.StartOf(definition.Closed.AddDays(1), zone);
        if (existing is not null)
        {
            var differences = Differences(existing, survey ?? SurveyDefinitions.Survey(connection, existing.SurveyId, cancellationToken), definition, opensAt, closesAt, zone);
            return differences.Count == 0
                ? new TargetWave(existing, SurveyDefinitions.Questions(connection, existing.SurveyId, cancellationToken), null, false)
                : throw new ArgumentException($"Wave '{waveId}' exists with another definition: {string.Join("; ", differences)}. Nothing was imported.");
        }

        if (!IsWaveId(waveId))
        {
            throw new ArgumentException($"A new wave's id is lower-case letters, digits and hyphens, such as '2025-q3-pulse'; '{waveId}' is not.");
        }

        // As the admin does: a template gives a new survey of its own, named after its title and today.
        Survey? newSurvey = null;
        if (template is not null)
        {
            var now = clock.GetUtcNow();
            var draft = template.Survey("draft", now);
            newSurvey = draft with { SurveyId = SurveyDefinitionWriter.FreeSurveyId(connection, draft.Title, now, cancellationToken) };
        }

        var surveyId = newSurvey?.SurveyId ?? survey!.SurveyId;
        var questions = template?.Questions(surveyId) ?? SurveyDefinitions.Questions(connection, surveyId, cancellationToken);
        var wave = new SurveyWave(waveId, surveyId, definition.Name.Trim(), opensAt, closesAt, definition.IsAnonymous, definition.MinGroupSize, null, "closed");
        var problem = SurveyWaveRules.Problem(wave, questions.Count);
        return problem is null
            ? new TargetWave(wave, questions, newSurvey, true)
            : throw new ArgumentException($"Wave '{waveId}' cannot be created: {char.ToLowerInvariant(problem[0])}{problem[1..]}");
    }

    /// <summary>Refuses a definition that cannot describe a historical wave; returns its template, if it names one.</summary>
    private static SurveyTemplate? Check(HistoricalWave definition, TimeZoneInfo zone, TimeProvider clock)
    {
        if (definition.Template is not null && definition.SurveyId is not null)
        {
            throw new ArgumentException("Give --template or --survey, not both: a new wave gets either a new survey from a template or an existing survey.");
        }

        if (definition.Closed < definition.Opened)
        {
            throw new ArgumentException($"--closed {Day(definition.Closed)} is before --opened {Day(definition.Opened)}.");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        if (definition.Closed > today)
        {
            throw new ArgumentException($"--closed {Day(definition.Closed)} is after today ({Day(today)}); an import creates only waves that have closed.");
        }

        return definition.Template is null ? null
            : SurveyTemplateCatalog.Find(definition.Template)
                ?? throw new ArgumentException($"There is no template named '{definition.Template}'. Choose one of: {string.Join(", ", SurveyTemplateCatalog.All.Select(t => t.Name))}.");
    }

    private static List<string> Differences(SurveyWave existing, Survey? survey, HistoricalWave definition, DateTimeOffset opensAt, DateTimeOffset closesAt, TimeZoneInfo zone)
    {
        var differences = new List<string>();
        if (definition.SurveyId is not null && definition.SurveyId != existing.SurveyId)
        {
            differences.Add($"its survey is '{existing.SurveyId}', not '{definition.SurveyId}'");
        }

        if (definition.Template is not null && survey?.Template != definition.Template)
        {
            differences.Add($"its survey '{existing.SurveyId}' is {(survey?.Template is { } template ? $"from template '{template}'" : "not from a template")}, not from '{definition.Template}'");
        }

        if (existing.Name != definition.Name.Trim())
        {
            differences.Add($"its name is '{existing.Name}', not '{definition.Name.Trim()}'");
        }

        if (existing.OpensAt != opensAt || existing.ClosesAt != closesAt)
        {
            differences.Add($"it ran {SurveyWaveDates.Describe(existing.OpensAt, existing.ClosesAt, zone)}, not {SurveyWaveDates.Describe(opensAt, closesAt, zone)}");
        }

        if (existing.MinGroupSize != definition.MinGroupSize)
        {
            differences.Add($"its k is {existing.MinGroupSize}, not {definition.MinGroupSize}");
        }

        if (existing.IsAnonymous != definition.IsAnonymous)
        {
            differences.Add(existing.IsAnonymous ? "it is anonymous, not named" : "it is named, not anonymous");
        }

        return differences;
    }

    private static bool IsWaveId(string id) =>
        id.Length > 0 && id[0] != '-' && id[^1] != '-' && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The wave the answers go to, its questions, and what to store first when it is new.</summary>
    private sealed record TargetWave(SurveyWave Wave, IReadOnlyList<SurveyQuestion> Questions, Survey? NewSurvey, bool IsNew);
}
