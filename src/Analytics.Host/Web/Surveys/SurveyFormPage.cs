using System.Globalization;
using System.Text;
using Analytics.Core.Surveys;
using Analytics.Surveys.Forms;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Surveys;

/// <summary>
/// Renders the survey form: one fieldset and legend per question, real labels for every control, help and errors
/// tied to their controls with <c>aria-describedby</c>, and an error summary whose links jump to the fields. It
/// needs no JavaScript and keeps what was entered when it comes back with errors.
/// </summary>
internal static class SurveyFormPage
{
    /// <summary>The form field that carries a question's answer.</summary>
    public static string FieldName(string questionId) => "q_" + questionId;

    public static IResult Form(SurveyForm form, int statusCode = StatusCodes.Status200OK)
    {
        var errors = form.Errors.ToDictionary(e => e.QuestionId, e => e.Message, StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("<h1>").Append(Encode(form.Survey.Title)).Append("</h1>\n");
        if (form.Errors.Count > 0)
        {
            AppendErrorSummary(html, form);
        }

        if (form.Survey.Description is { } description)
        {
            html.Append("<p class=\"lead\">").Append(Encode(description)).Append("</p>\n");
        }

        html.Append("<p class=\"privacy\">").Append(Encode(PrivacyNote(form.Wave, form.GroupSize))).Append("</p>\n")
            .Append("<form method=\"post\" novalidate>\n")
            .Append("<input type=\"hidden\" name=\"").Append(Encode(form.AntiforgeryField)).Append("\" value=\"").Append(Encode(form.AntiforgeryToken)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"submission\" value=\"").Append(form.SubmissionId.ToString("D")).Append("\">\n")
            .Append("<p class=\"muted\">Questions marked (optional) can be skipped.</p>\n");
        if (form.Teams is { } teams)
        {
            AppendTeamPicker(html, teams, form.ChosenTeam);
        }

        var number = 0;
        foreach (var question in form.Questions)
        {
            number++;
            var values = form.Values.TryGetValue(question.QuestionId, out var given) ? given : [];
            AppendQuestion(html, question, number, values, errors.GetValueOrDefault(question.QuestionId));
        }

        html.Append("<div class=\"actions\"><button type=\"submit\">Send my answers</button></div>\n</form>\n");
        var title = form.Errors.Count > 0 ? $"Error: {form.Survey.Title}" : form.Survey.Title;
        return Render(title, html.ToString(), statusCode);
    }

    public static IResult Thanks(string surveyTitle, int minGroupSize) =>
        Render("Thank you", $"""
            <div class="panel">
            <h1>Thank you, your answers are saved</h1>
            <p class="lead">Your answers to “{Encode(surveyTitle)}” are stored.</p>
            <p>The platform team sees results only for groups of {minGroupSize} or more people, and uses them to decide what to improve next. You can close this page.</p>
            </div>
            """);

    private static string PrivacyNote(SurveyWave wave, int groupSize) => wave.IsAnonymous
        ? $"Your answers are anonymous: they are kept with your team but not your name, and results are shown only for groups of {groupSize} or more."
        : $"Your answers are confidential: results are shown only for groups of {groupSize} or more, never for one person.";

    private static void AppendErrorSummary(StringBuilder html, SurveyForm form)
    {
        // autofocus moves keyboard and screen-reader users straight to the list of problems, without script.
        html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus>\n")
            .Append("<h2 id=\"error-summary-title\">There is a problem with ").Append(form.Errors.Count == 1 ? "1 answer" : $"{form.Errors.Count} answers").Append("</h2>\n<ul>\n");
        foreach (var error in form.Errors)
        {
            var position = form.Questions.ToList().FindIndex(q => q.QuestionId == error.QuestionId) + 1;
            var question = form.Questions.FirstOrDefault(q => q.QuestionId == error.QuestionId);
            var target = question is null ? "team" : FirstControlId(question);
            var label = position > 0 ? $"Question {position}: " : "";
            html.Append("<li><a href=\"#").Append(Encode(target)).Append("\">").Append(Encode(label + error.Message)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</div>\n");
    }

    private static void AppendTeamPicker(StringBuilder html, IReadOnlyList<Analytics.Surveys.TeamName> teams, string? chosen)
    {
        html.Append("<div class=\"question\">\n<label class=\"question-text\" for=\"team\">Your team <span class=\"optional\">(optional)</span></label>\n")
            .Append("<p class=\"help\" id=\"team-help\">Lets the platform team see results per team; teams with few answers are never shown on their own.</p>\n")
            .Append("<select id=\"team\" name=\"team\" aria-describedby=\"team-help\">\n<option value=\"\">Prefer not to say</option>\n");
        foreach (var team in teams)
        {
            html.Append("<option value=\"").Append(Encode(team.TeamId)).Append('"').Append(team.TeamId == chosen ? " selected" : "").Append('>')
                .Append(Encode(team.Name)).Append("</option>\n");
        }

        html.Append("</select>\n</div>\n");
    }

    private static void AppendQuestion(StringBuilder html, SurveyQuestion question, int number, IReadOnlyList<string> values, string? error)
    {
        var id = FieldName(question.QuestionId);
        var describedBy = new List<string>();
        if (question.HelpText is not null)
        {
            describedBy.Add($"{id}-help");
        }

        if (error is not null)
        {
            describedBy.Add($"{id}-error");
        }

        var described = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        var heading = $"<span class=\"number\">{number}.</span> {Encode(question.Text)}{(question.Required ? "" : " <span class=\"optional\">(optional)</span>")}";
        var isText = question.Kind is SurveyQuestionKinds.ShortText or SurveyQuestionKinds.LongText;
        var classes = error is null ? "question" : "question has-error";
        if (isText)
        {
            html.Append("<div class=\"").Append(classes).Append("\">\n<label class=\"question-text\" for=\"").Append(id).Append("\">").Append(heading).Append("</label>\n");
        }
        else
        {
            html.Append("<fieldset class=\"").Append(classes).Append('"').Append(described).Append(">\n<legend>").Append(heading).Append("</legend>\n");
        }

        if (question.HelpText is { } help)
        {
            html.Append("<p class=\"help\" id=\"").Append(id).Append("-help\">").Append(Encode(help)).Append("</p>\n");
        }

        if (error is not null)
        {
            html.Append("<p class=\"field-error\" id=\"").Append(id).Append("-error\"><span class=\"visually-hidden\">Error: </span>").Append(Encode(error)).Append("</p>\n");
        }

        switch (question.Kind)
        {
            case SurveyQuestionKinds.Nps:
                AppendScale(html, question, id, 0, 10, values);
                break;
            case SurveyQuestionKinds.Likert:
                AppendScale(html, question, id, 1, 5, values);
                break;
            case SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice:
                AppendChoices(html, question, id, values);
                break;
            case SurveyQuestionKinds.ShortText:
                html.Append("<input type=\"text\" id=\"").Append(id).Append("\" name=\"").Append(id).Append("\" maxlength=\"").Append(AnswerValidator.ShortTextLimit)
                    .Append("\" value=\"").Append(Encode(values.Count > 0 ? values[0] : null)).Append('"').Append(described).Append(">\n");
                break;
            default:
                html.Append("<textarea id=\"").Append(id).Append("\" name=\"").Append(id).Append("\" rows=\"5\" maxlength=\"").Append(AnswerValidator.LongTextLimit).Append('"')
                    .Append(described).Append('>').Append(Encode(values.Count > 0 ? values[0] : null)).Append("</textarea>\n");
                break;
        }

        html.Append(isText ? "</div>\n" : "</fieldset>\n");
    }

    private static void AppendScale(StringBuilder html, SurveyQuestion question, string id, int low, int high, IReadOnlyList<string> values)
    {
        html.Append("<div class=\"scale\">\n");
        for (var point = low; point <= high; point++)
        {
            var value = point.ToString(CultureInfo.InvariantCulture);
            var optionId = $"{id}-{value}";
            // The ends carry their words for screen readers; sighted users read them under the scale.
            var end = point == low ? question.LowLabel : point == high ? question.HighLabel : null;
            html.Append("<span class=\"point\"><input type=\"radio\" id=\"").Append(optionId).Append("\" name=\"").Append(id).Append("\" value=\"").Append(value).Append('"')
                .Append(values.Contains(value) ? " checked" : "").Append("><label for=\"").Append(optionId).Append("\">").Append(value);
            if (end is not null)
            {
                html.Append("<span class=\"visually-hidden\"> – ").Append(Encode(end)).Append("</span>");
            }

            html.Append("</label></span>\n");
        }

        html.Append("</div>\n");
        if (question.LowLabel is not null || question.HighLabel is not null)
        {
            html.Append("<div class=\"scale-ends\" aria-hidden=\"true\"><span>").Append(low).Append(" = ").Append(Encode(question.LowLabel)).Append("</span><span>")
                .Append(high).Append(" = ").Append(Encode(question.HighLabel)).Append("</span></div>\n");
        }
    }

    private static void AppendChoices(StringBuilder html, SurveyQuestion question, string id, IReadOnlyList<string> values)
    {
        var type = question.Kind == SurveyQuestionKinds.SingleChoice ? "radio" : "checkbox";
        html.Append("<div class=\"choices\">\n");
        var index = 0;
        foreach (var option in question.Options ?? [])
        {
            var optionId = $"{id}-{index++}";
            html.Append("<div class=\"choice\"><input type=\"").Append(type).Append("\" id=\"").Append(optionId).Append("\" name=\"").Append(id)
                .Append("\" value=\"").Append(Encode(option)).Append('"').Append(values.Contains(option ?? "") ? " checked" : "")
                .Append("><label for=\"").Append(optionId).Append("\">").Append(Encode(option)).Append("</label></div>\n");
        }

        html.Append("</div>\n");
    }

    private static string FirstControlId(SurveyQuestion question) => question.Kind switch
    {
        SurveyQuestionKinds.Nps => $"{FieldName(question.QuestionId)}-0",
        SurveyQuestionKinds.Likert => $"{FieldName(question.QuestionId)}-1",
        SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice => $"{FieldName(question.QuestionId)}-0",
        _ => FieldName(question.QuestionId),
    };
}
