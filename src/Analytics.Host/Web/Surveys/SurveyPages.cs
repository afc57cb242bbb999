using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Surveys;

/// <summary>The public survey pages as results: Razor components rendered on the server, with their status code.</summary>
internal static class SurveyPages
{
    /// <summary>The form, with what was entered so far and what to fix.</summary>
    public static IResult Form(SurveyForm form, int statusCode = StatusCodes.Status200OK) =>
        new RazorComponentResult<SurveyFormPage>(new { Form = form }) { StatusCode = statusCode };

    /// <summary>The thank-you page after a response is stored.</summary>
    public static IResult Thanks(string surveyTitle, int groupSize) =>
        new RazorComponentResult<ThanksPage>(new { SurveyTitle = surveyTitle, GroupSize = groupSize });

    /// <summary>A short page that tells the reader one thing, such as "this link was already used".</summary>
    public static IResult Notice(string title, string message, int statusCode, string? detail = null) =>
        new RazorComponentResult<NoticePage>(new { Title = title, Message = message, Detail = detail }) { StatusCode = statusCode };
}
