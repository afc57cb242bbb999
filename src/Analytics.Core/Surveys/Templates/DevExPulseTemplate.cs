namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// The quarterly DevEx pulse: platform NPS, CSAT per platform capability, the DevEx framework's three dimensions
/// (feedback loops, cognitive load, flow state), hours lost to friction, the path-to-production journey, and two
/// free-text questions.
/// </summary>
public static class DevExPulseTemplate
{
    /// <summary>The template's name, stored on surveys made from it.</summary>
    public const string Name = "devex-pulse";

    /// <summary>The platform capabilities rated for satisfaction.</summary>
    public static readonly IReadOnlyList<string> Capabilities = ["ci", "deploys", "observability", "docs"];

    /// <summary>The answer options of the hours-lost question.</summary>
    public static readonly IReadOnlyList<string?> HoursLostOptions = ["Less than 1 hour", "1–2 hours", "3–5 hours", "6–10 hours", "More than 10 hours"];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Developer experience pulse", "Two minutes on how the platform helps you ship. Answers are reported only for groups of five or more.", Name, createdAt);

    /// <summary>Creates the survey's questions.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId)
    {
        var builder = new QuestionBuilder(surveyId)
            .Add("nps", SurveyQuestionKinds.Nps, "How likely are you to recommend our internal developer platform to a colleague?", true, "nps", low: "Not at all likely", high: "Extremely likely");
        foreach (var capability in Capabilities)
        {
            builder.Add($"csat_{capability}", SurveyQuestionKinds.Likert, $"How satisfied are you with {CapabilityLabel(capability)}?", false, "csat", capability, low: "Very dissatisfied", high: "Very satisfied");
        }

        builder
            .Agree("fl_local", "I get fast feedback when I validate a change locally.", "feedback_loops")
            .Agree("fl_deploy", "Deploying my change to production is quick.", "feedback_loops")
            .Agree("cl_docs", "The documentation I need is easy to find and understand.", "cognitive_load")
            .Agree("cl_debug", "Debugging problems in production is straightforward.", "cognitive_load")
            .Agree("flow_focus", "I can usually focus on my work without interruption.", "flow")
            .Agree("flow_goals", "The goals of my work are clear.", "flow")
            .Add("hours_lost", SurveyQuestionKinds.SingleChoice, "In a typical week, how many hours do you lose to friction in tools and processes?", true, "friction", options: HoursLostOptions);
        foreach (var stage in PathToProductionTemplate.Stages)
        {
            PathToProductionTemplate.AddSentiment(builder, stage);
        }

        builder
            .Add("obstacle", SurveyQuestionKinds.LongText, "What is the biggest obstacle to shipping your work?", false, "free_text")
            .Add("improve", SurveyQuestionKinds.LongText, "If the platform team could improve one thing, what should it be?", false, "free_text");
        return builder.Questions;
    }

    private static string CapabilityLabel(string capability) => capability switch
    {
        "ci" => "continuous integration (builds and tests)",
        "deploys" => "deployments",
        "observability" => "observability (logs, metrics, traces)",
        "docs" => "the platform's documentation",
        _ => capability,
    };
}
