namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// The DORA 2025 AI capabilities model as a survey: the seven capabilities that amplify what AI-assisted development
/// does for a team, a few agree/disagree items each. Every capability is a survey dimension, so its scores come
/// from the DevEx scoring query with its suppression.
/// </summary>
public static class AiCapabilitiesTemplate
{
    /// <summary>The template's name, stored on surveys made from it.</summary>
    public const string Name = "ai-capabilities";

    /// <summary>The capabilities, as the survey dimensions their items carry.</summary>
    public static readonly IReadOnlyList<string> Capabilities =
        ["ai_stance", "healthy_data_ecosystems", "ai_accessible_data", "version_control", "small_batches", "user_centric_focus", "quality_platform"];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "AI capabilities", "Three minutes on what helps AI tools help you. Answers are reported only for groups of five or more.", Name, createdAt);

    /// <summary>Creates the survey's questions.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId) =>
        new QuestionBuilder(surveyId)
            .Agree("ai_stance_clear", "I know which AI tools I may use at work, and for what.", "ai_stance")
            .Agree("ai_stance_told", "Our organisation has told us clearly how it expects us to use AI.", "ai_stance")
            .Agree("ai_stance_safe", "I know what data I must not give to AI tools.", "ai_stance")
            .Agree("data_quality", "The data I work with is accurate and up to date.", "healthy_data_ecosystems")
            .Agree("data_findable", "I can find the data I need and trust where it came from.", "healthy_data_ecosystems")
            .Agree("ai_data_code", "AI tools I use can see our own code and documentation.", "ai_accessible_data")
            .Agree("ai_data_context", "AI tools I use can draw on our internal knowledge, not only public examples.", "ai_accessible_data")
            .Agree("vc_everything", "Code, configuration and infrastructure definitions are all in version control.", "version_control")
            .Agree("vc_rollback", "I can easily go back to an earlier version when a change goes wrong.", "version_control")
            .Agree("batch_small", "We split work into small changes that are reviewed and shipped on their own.", "small_batches")
            .Agree("batch_merge", "My changes usually reach the main branch within a day.", "small_batches")
            .Agree("user_needs", "My team knows what its users need and checks that it delivers it.", "user_centric_focus")
            .Agree("user_feedback", "User feedback changes what my team works on.", "user_centric_focus")
            .Agree("platform_self_service", "Our internal platform lets me do what I need without waiting on another team.", "quality_platform")
            .Agree("platform_reliable", "Our internal platform is reliable and well documented.", "quality_platform")
            .Add("ai_help", SurveyQuestionKinds.LongText, "What would make AI tools more useful in your work?", false, "free_text")
            .Questions;
}
