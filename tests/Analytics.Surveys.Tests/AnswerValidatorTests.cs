using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Surveys.Forms;

namespace Analytics.Surveys.Tests;

public sealed class AnswerValidatorTests
{
    // The form of a wave that asks the capability and improvement blocks but not the twelve DORA profile items.
    private static readonly IReadOnlyList<SurveyQuestion> Pulse = [.. DevExPulseTemplate.Questions("pulse").Where(q => q.Block != DoraProfileBlock.Name)];

    private static Dictionary<string, IReadOnlyList<string>> Complete() => new()
    {
        ["nps"] = ["9"], ["fl_local"] = ["4"], ["fl_deploy"] = ["3"], ["cl_docs"] = ["2"], ["cl_debug"] = ["5"],
        ["flow_focus"] = ["1"], ["flow_goals"] = ["4"], ["hours_lost"] = ["3–5 hours"],
    };

    [Fact]
    public void Complete_form_gives_one_answer_per_answered_question()
    {
        var values = Complete();
        values["obstacle"] = ["  Flaky tests  "];
        values["csat_ci"] = [""];
        var result = AnswerValidator.Validate(Pulse, values);

        Assert.True(result.IsValid);
        Assert.Equal(9, result.Answers.Count);
        Assert.Equal(9, result.Answers.Single(a => a.QuestionId == "nps").NumericValue);
        Assert.Equal(["3–5 hours"], result.Answers.Single(a => a.QuestionId == "hours_lost").ChoiceValues!);
        Assert.Equal("Flaky tests", result.Answers.Single(a => a.QuestionId == "obstacle").TextValue);
        Assert.DoesNotContain(result.Answers, a => a.QuestionId == "csat_ci");
    }

    [Fact]
    public void Missing_required_answers_are_each_named()
    {
        var values = Complete();
        values.Remove("nps");
        values.Remove("hours_lost");
        var result = AnswerValidator.Validate(Pulse, values);

        Assert.Equal([("nps", "Choose a score from 0 to 10."), ("hours_lost", "Choose one option.")], result.Errors.Select(e => (e.QuestionId, e.Message)));
    }

    [Theory]
    [InlineData("nps", "11", "Choose a score from 0 to 10; '11' is not on the scale.")]
    [InlineData("nps", "-1", "Choose a score from 0 to 10; '-1' is not on the scale.")]
    [InlineData("nps", "9.5", "Choose a score from 0 to 10; '9.5' is not on the scale.")]
    [InlineData("fl_local", "0", "Choose a score from 1 to 5; '0' is not on the scale.")]
    [InlineData("fl_local", "6", "Choose a score from 1 to 5; '6' is not on the scale.")]
    [InlineData("hours_lost", "All of them", "'All of them' is not one of the options; choose from the list.")]
    public void Values_outside_the_scale_or_options_are_refused(string question, string value, string message)
    {
        var values = Complete();
        values[question] = [value];
        var result = AnswerValidator.Validate(Pulse, values);

        Assert.Equal(message, Assert.Single(result.Errors).Message);
        Assert.Equal(question, result.Errors[0].QuestionId);
    }

    [Fact]
    public void An_answer_to_a_question_not_asked_is_refused_by_its_id()
    {
        var values = Complete();
        values["csat_ci"] = ["4"];
        var result = AnswerValidator.Validate(Pulse.Where(q => q.Block is null).ToList(), values);

        Assert.Equal(("csat_ci", "The form holds an answer to 'csat_ci', which this survey does not ask. Reload the page and send it again."), (Assert.Single(result.Errors).QuestionId, result.Errors[0].Message));
        Assert.DoesNotContain(result.Answers, a => a.QuestionId == "csat_ci");
    }

    [Fact]
    public void Two_values_for_a_single_answer_are_refused()
    {
        var values = Complete();
        values["nps"] = ["9", "10"];
        values["hours_lost"] = ["1–2 hours", "3–5 hours"];
        var result = AnswerValidator.Validate(Pulse, values);

        Assert.Equal(["Choose only one value.", "Choose only one option."], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Text_over_the_limit_is_refused_with_its_length()
    {
        var values = Complete();
        values["obstacle"] = [new string('x', 100 * 1024)];
        var result = AnswerValidator.Validate(Pulse, values);

        Assert.Equal("Keep this answer to 5,000 characters or fewer; it has 102,400.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Multiple_choice_keeps_each_offered_option_once()
    {
        var questions = OnboardingTemplate.Questions("onboarding");
        var values = new Dictionary<string, IReadOnlyList<string>>
        {
            ["first_deploy"] = ["Not yet"], ["onb_setup"] = ["3"], ["onb_path"] = ["3"], ["onb_docs"] = ["3"], ["onb_help"] = ["3"],
            ["onb_used"] = ["Service templates", "A buddy or mentor", "Service templates"],
        };
        var result = AnswerValidator.Validate(questions, values);

        Assert.True(result.IsValid);
        Assert.Equal(["Service templates", "A buddy or mentor"], result.Answers.Single(a => a.QuestionId == "onb_used").ChoiceValues!);
    }
}
