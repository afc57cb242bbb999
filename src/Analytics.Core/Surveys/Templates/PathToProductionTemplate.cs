namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// The path-to-production journey: at each stage from starting a service to operating it, how it feels (1–5) and
/// its main pain point, so PMs can map where the journey hurts. The DevEx pulse carries the sentiment half.
/// </summary>
public static class PathToProductionTemplate
{
    /// <summary>The template's name, stored on surveys made from it.</summary>
    public const string Name = "path-to-production";

    /// <summary>The stages, in journey order.</summary>
    public static readonly IReadOnlyList<string> Stages = ["start_service", "get_infrastructure", "build_and_test", "review", "deploy", "operate"];

    /// <summary>The pain points offered at every stage.</summary>
    public static readonly IReadOnlyList<string?> PainPoints =
    [
        "Waiting on other people or tickets",
        "Slow or flaky tooling",
        "Unclear or missing documentation",
        "Manual, repetitive steps",
        "Too many tools or choices",
        "Something else",
        "No real pain here",
    ];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Path to production", "How each step from a new service to running it in production feels, and what hurts most.", Name, createdAt);

    /// <summary>Creates the survey's questions: sentiment and pain point per stage, then one free-text question.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId)
    {
        var builder = new QuestionBuilder(surveyId);
        foreach (var stage in Stages)
        {
            AddSentiment(builder, stage);
            builder.Add($"pain_{stage}", SurveyQuestionKinds.SingleChoice, $"What is the main pain point when {StageLabel(stage)}?", false, "journey_pain", stage, PainPoints);
        }

        builder.Add("journey_fix", SurveyQuestionKinds.LongText, "Which step would you fix first, and how?", false, "free_text");
        return builder.Questions;
    }

    /// <summary>A person-readable name of a stage, for example "getting infrastructure".</summary>
    public static string StageLabel(string stage) => stage switch
    {
        "start_service" => "starting a new service",
        "get_infrastructure" => "getting infrastructure",
        "build_and_test" => "building and testing",
        "review" => "getting code reviewed",
        "deploy" => "deploying",
        "operate" => "operating in production",
        _ => stage,
    };

    private static void AddSentiment(QuestionBuilder builder, string stage) =>
        builder.Add($"journey_{stage}", SurveyQuestionKinds.Likert, $"How do you feel about this step of the path to production: {StageLabel(stage)}?", false, "journey", stage, low: "Very painful", high: "Delightful");
}
