namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// The AI coding assistants survey: time saved per week and trust in what the assistant produces. Its items can be
/// added to another survey as a block (<see cref="AddTo"/>); <c>queries/metrics/ai_survey.sql</c> reads them by id.
/// </summary>
public static class AiAssistantsTemplate
{
    /// <summary>The template's name, stored on surveys made from it.</summary>
    public const string Name = "ai-assistants";

    /// <summary>The dimension of the trust items (also shown with the DevEx scores).</summary>
    public const string Dimension = "ai_assistance";

    /// <summary>
    /// The answer options of the time-saved question, in order; ai_survey.sql takes each as the hours of its middle
    /// (0, 0.5, 1.5, 3, 6 and 10), so keep the order if the wording changes.
    /// </summary>
    public static readonly IReadOnlyList<string?> TimeSavedOptions = ["None", "Less than 1 hour", "1–2 hours", "2–4 hours", "4–8 hours", "More than 8 hours"];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "AI coding assistants", "How much time coding assistants save you, and how far you trust what they produce.", Name, createdAt);

    /// <summary>Creates the survey's questions.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId) => AddTo(new QuestionBuilder(surveyId)).Questions;

    /// <summary>Adds the block's items to a survey being built.</summary>
    internal static QuestionBuilder AddTo(QuestionBuilder builder) =>
        builder
            .Add("ai_time_saved", SurveyQuestionKinds.SingleChoice, "In a typical week, how much time does an AI coding assistant save you?", true, Dimension,
                options: TimeSavedOptions, help: "Think of the last few weeks; choose None if you do not use one.")
            .Agree("ai_trust", "I trust the code an AI assistant suggests to be correct without reworking it.", Dimension)
            .Agree("ai_review", "Changes written with an AI assistant are as easy to review as others.", Dimension, required: false)
            .Add("ai_notes", SurveyQuestionKinds.LongText, "What would make AI assistants more useful to you?", false, "free_text");
}
