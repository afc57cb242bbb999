using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Ingestion.Sources.Surveys;

namespace Analytics.Ingestion.Tests.Sources;

public sealed class SurveyCsvReaderTests
{
    private static readonly IReadOnlyList<SurveyQuestion> Questions = DevExPulseTemplate.Questions("devex");
    private static readonly SurveyWave Wave = new("w1", "devex", "2026 Q3", DateTimeOffset.MinValue, DateTimeOffset.MaxValue, true, 5, null, "open");
    private static readonly Func<string?, string?> Teams = name => name is "Payments" or "payments" ? "payments" : null;

    private const string Required = "fl_local,fl_deploy,cl_docs,cl_debug,flow_focus,flow_goals,hours_lost";
    private const string RequiredValues = "4,4,3,3,4,5,1–2 hours";

    [Fact]
    public void Valid_rows_map_onto_questions_by_id_or_text()
    {
        var csv = $"""
            Response ID,Submitted At,Team,How likely are you to recommend our internal developer platform to a colleague?,{Required},obstacle
            r1,2026-08-03 14:19:00,Payments,9,{RequiredValues},"Slow CI, flaky tests"
            """;
        var import = Read(csv);
        Assert.Empty(import.RowErrors);
        var response = Assert.Single(import.Responses);
        Assert.Equal(("payments", null, new DateTimeOffset(2026, 8, 3, 0, 0, 0, TimeSpan.Zero)), (response.TeamId, response.EngineerId, response.SubmittedAt));
        Assert.Equal(9, import.Answers.Single(a => a.QuestionId == "nps").NumericValue);
        Assert.Equal("Slow CI, flaky tests", import.Answers.Single(a => a.QuestionId == "obstacle").TextValue);
        Assert.Equal(["1–2 hours"], import.Answers.Single(a => a.QuestionId == "hours_lost").ChoiceValues!);
    }

    [Fact]
    public void Reimporting_the_same_response_id_gives_the_same_response()
    {
        var csv = $"Response ID,Submitted At,Team,nps,{Required}\nr1,2026-08-03 14:19:00,Payments,9,{RequiredValues}\n";
        Assert.Equal(Read(csv).Responses[0].ResponseId, Read(csv).Responses[0].ResponseId);
    }

    [Theory]
    [InlineData("Submitted At,nps", "The survey CSV has no 'Team' column.")]
    [InlineData("Team,Submitted At,nps,favourite colour", "The survey CSV has columns that match no question of the survey: 'favourite colour'.")]
    public void Wrong_header_is_refused_whole(string header, string message)
    {
        var error = Assert.Throws<FormatException>(() => Read(header + "\n"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Bad_rows_are_reported_by_line_and_the_others_kept()
    {
        var csv = $"""
            Submitted At,Team,nps,{Required}
            2026-08-03 10:00,Payments,11,{RequiredValues}
            2026-08-03 10:00,Payments,-1,{RequiredValues}
            2026-08-03 10:00,Payments,8,{RequiredValues}
            2026-08-03 10:00,Nowhere,8,{RequiredValues}
            2026-08-03 10:00,Payments,8,4,4,3,3,4,5,Forever
            yesterday,Payments,8,{RequiredValues}
            2026-08-03 10:00,Payments,8,,4,3,3,4,5,1–2 hours
            2026-08-04 10:00,Payments,7,{RequiredValues}
            """;
        var import = Read(csv);
        Assert.Equal(2, import.Responses.Count);
        Assert.Equal(
        [
            "line 2: '11' is not a whole number from 0 to 10 for question 'nps'.",
            "line 3: '-1' is not a whole number from 0 to 10 for question 'nps'.",
            "line 5: team 'Nowhere' is not in the catalog.",
            "line 6: 'Forever' is not an option of question 'hours_lost'.",
            "line 7: 'yesterday' is not a date and time.",
            "line 8: required question 'fl_local' has no answer.",
        ], import.RowErrors);
    }

    [Fact]
    public void Row_with_a_wrong_field_count_is_reported_and_the_others_kept()
    {
        var csv = $"Submitted At,Team,nps,{Required}\n2026-08-03 10:00,Payments,8\n2026-08-03 10:00,Payments,8,{RequiredValues}\n";
        var import = Read(csv);
        Assert.Single(import.Responses);
        Assert.Single(import.RowErrors);
        Assert.StartsWith("line 2:", import.RowErrors[0], StringComparison.Ordinal);
    }

    private static SurveyCsvImport Read(string csv) => SurveyCsvReader.Read(new StringReader(csv), Wave, Questions, Teams, TimeZoneInfo.Utc);
}
