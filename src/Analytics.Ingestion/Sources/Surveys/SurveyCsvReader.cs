using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Core.Surveys;
using CsvHelper;

namespace Analytics.Ingestion.Sources.Surveys;

/// <summary>
/// Reads survey responses exported from another tool as CSV and maps them onto a wave's questions. The header
/// needs <c>Team</c> and <c>Submitted At</c> columns; every other column must be a question of the survey, named
/// by its id or its exact text. <c>Response ID</c>, when present, makes a re-import replace rather than duplicate.
/// A bad row (including one submitted outside the wave's dates) is reported with its line number and skipped; the
/// other rows are kept.
/// </summary>
public static class SurveyCsvReader
{
    private static readonly string[] MetaColumns = ["Response ID", "Submitted At", "Team"];

    /// <summary>Reads the CSV; throws <see cref="FormatException"/> when the header itself is wrong.</summary>
    public static SurveyCsvImport Read(TextReader text, SurveyWave wave, IReadOnlyList<SurveyQuestion> questions, Func<string?, string?> teamByName, TimeZoneInfo exportTimeZone)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { Separator = ',', FieldCountMismatch = CsvFieldCountHandling.Throw, TrackLineNumbers = true }, leaveOpen: true);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new FormatException("The survey CSV has no header row.");
        }

        var columns = MapHeader(header, questions);
        var responses = new List<SurveyResponse>();
        var answers = new List<SurveyAnswer>();
        var errors = new List<string>();
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }
            }
            catch (CsvFormatException error)
            {
                errors.Add($"line {csv.LineNumber}: {error.Message}");
                continue;
            }

            var line = csv.LineNumber;
            try
            {
                var (response, rowAnswers) = ReadRow(csv, header, columns, wave, teamByName, exportTimeZone);
                responses.Add(response);
                answers.AddRange(rowAnswers);
            }
            catch (FormatException error)
            {
                errors.Add($"line {line}: {error.Message}");
            }
        }

        return new SurveyCsvImport(responses, answers, errors);
    }

    private static Dictionary<int, SurveyQuestion> MapHeader(string[] header, IReadOnlyList<SurveyQuestion> questions)
    {
        foreach (var required in MetaColumns.Skip(1))
        {
            if (!header.Contains(required, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"The survey CSV has no '{required}' column.");
            }
        }

        var columns = new Dictionary<int, SurveyQuestion>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (MetaColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var question = questions.FirstOrDefault(q => string.Equals(q.QuestionId, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(q.Text.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (question is null)
            {
                unknown.Add(name);
            }
            else
            {
                columns[i] = question;
            }
        }

        return unknown.Count > 0
            ? throw new FormatException($"The survey CSV has columns that match no question of the survey: {string.Join(", ", unknown.Select(u => $"'{u}'"))}.")
            : columns;
    }

    private static (SurveyResponse, List<SurveyAnswer>) ReadRow(CsvReader csv, string[] header, Dictionary<int, SurveyQuestion> columns, SurveyWave wave,
        Func<string?, string?> teamByName, TimeZoneInfo zone)
    {
        string Field(string name) => csv.GetString(Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)));

        var teamText = Field("Team");
        var team = teamByName(teamText) ?? throw new FormatException($"team '{teamText}' is not in the catalog.");
        var submittedText = Field("Submitted At");
        if (!DateTime.TryParse(submittedText, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            throw new FormatException($"'{submittedText}' is not a date and time.");
        }

        var submitted = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
        if (submitted < wave.OpensAt || submitted >= wave.ClosesAt)
        {
            throw new FormatException($"submitted at '{submittedText}', outside the wave's dates, {SurveyWaveDates.Describe(wave.OpensAt, wave.ClosesAt, zone)}.");
        }

        var key = header.Contains("Response ID", StringComparer.OrdinalIgnoreCase) && Field("Response ID") is { Length: > 0 } id ? id : Encoding.UTF8.GetString(csv.RawRecord);
        var responseId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{wave.WaveId}|{key}"))[..16]);
        var answers = new List<SurveyAnswer>();
        foreach (var (index, question) in columns)
        {
            var value = csv.GetString(index).Trim();
            if (value.Length == 0)
            {
                if (question.Required)
                {
                    throw new FormatException($"required question '{question.QuestionId}' has no answer.");
                }

                continue;
            }

            answers.Add(Answer(responseId, question, value));
        }

        // An anonymous wave keeps only the day of submission.
        var stored = wave.IsAnonymous ? new DateTimeOffset(submitted.UtcDateTime.Date, TimeSpan.Zero) : submitted;
        return (new SurveyResponse(responseId, wave.WaveId, team, null, stored, "import", "csv"), answers);
    }

    private static SurveyAnswer Answer(Guid responseId, SurveyQuestion question, string value)
    {
        switch (question.Kind)
        {
            case "nps" or "likert":
                var (low, high) = question.Kind == "nps" ? (0, 10) : (1, 5);
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < low || number > high)
                {
                    throw new FormatException($"'{value}' is not a whole number from {low} to {high} for question '{question.QuestionId}'.");
                }

                return new SurveyAnswer(responseId, question.QuestionId, number, null, null);
            case "single_choice" or "multiple_choice":
                var chosen = question.Kind == "single_choice" ? [value] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                foreach (var choice in chosen)
                {
                    if (question.Options?.Contains(choice) != true)
                    {
                        throw new FormatException($"'{choice}' is not an option of question '{question.QuestionId}'.");
                    }
                }

                return new SurveyAnswer(responseId, question.QuestionId, null, chosen, null);
            default:
                return new SurveyAnswer(responseId, question.QuestionId, null, null, value);
        }
    }
}
