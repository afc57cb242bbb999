namespace Analytics.Core.Surveys.Templates;

/// <summary>The onboarding survey for engineers in their first 90 days: setup, first change, help, and what slowed them.</summary>
public static class OnboardingTemplate
{
    /// <summary>The template's name, stored on surveys made from it.</summary>
    public const string Name = "onboarding";

    /// <summary>The answer options of the first-deploy question.</summary>
    public static readonly IReadOnlyList<string?> FirstDeployOptions = ["In my first week", "In weeks 2–4", "In months 2–3", "Not yet"];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Your first 90 days", "For engineers who joined in the last 90 days: how getting started went, so the next person has it easier.", Name, createdAt);

    /// <summary>Creates the survey's questions.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId) =>
        new QuestionBuilder(surveyId)
            .Add("first_deploy", SurveyQuestionKinds.SingleChoice, "When did your first change reach production?", true, "onboarding", options: FirstDeployOptions)
            .Agree("onb_setup", "Setting up my development environment was straightforward.", "onboarding")
            .Agree("onb_path", "I knew how to take a change from my laptop to production.", "onboarding")
            .Agree("onb_docs", "The onboarding documentation answered my questions.", "onboarding")
            .Agree("onb_help", "When I got stuck, I knew where to get help.", "onboarding")
            .Add("onb_used", SurveyQuestionKinds.MultipleChoice, "Which of these did you use in your first weeks?", false, "onboarding",
                options: ["Service templates", "The developer portal", "Platform documentation", "The platform help channel", "A buddy or mentor"],
                help: "Choose all that apply.")
            .Add("onb_team", SurveyQuestionKinds.ShortText, "Which area or product do you work on?", false, "onboarding", help: "Optional. A few words are enough.")
            .Add("onb_slowed", SurveyQuestionKinds.LongText, "What slowed you down most in your first weeks?", false, "free_text")
            .Questions;
}
