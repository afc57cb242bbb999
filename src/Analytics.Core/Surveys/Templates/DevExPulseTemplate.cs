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

    /// <summary>The path-to-production stages rated for sentiment.</summary>
    public static readonly IReadOnlyList<string> JourneyStages = ["start_service", "get_infrastructure", "build_and_test", "review", "deploy", "operate"];

    /// <summary>The answer options of the hours-lost question.</summary>
    public static readonly IReadOnlyList<string?> HoursLostOptions = ["Less than 1 hour", "1–2 hours", "3–5 hours", "6–10 hours", "More than 10 hours"];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Developer experience pulse", "Two minutes on how the platform helps you ship. Answers are reported only for groups of five or more.", Name, createdAt);

    /// <summary>Creates the survey's questions.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId)
    {
        var questions = new List<SurveyQuestion>();
        void Add(string id, string kind, string text, bool required, string? dimension = null, string? capability = null,
            IReadOnlyList<string?>? options = null, string? low = null, string? high = null, string? help = null) =>
            questions.Add(new SurveyQuestion(surveyId, id, questions.Count + 1, kind, text, help, required, dimension, capability, options, low, high));

        Add("nps", "nps", "How likely are you to recommend our internal developer platform to a colleague?", true, "nps", low: "Not at all likely", high: "Extremely likely");
        foreach (var capability in Capabilities)
        {
            Add($"csat_{capability}", "likert", $"How satisfied are you with {CapabilityLabel(capability)}?", false, "csat", capability, low: "Very dissatisfied", high: "Very satisfied");
        }

        Add("fl_local", "likert", "I get fast feedback when I validate a change locally.", true, "feedback_loops", low: "Strongly disagree", high: "Strongly agree");
        Add("fl_deploy", "likert", "Deploying my change to production is quick.", true, "feedback_loops", low: "Strongly disagree", high: "Strongly agree");
        Add("cl_docs", "likert", "The documentation I need is easy to find and understand.", true, "cognitive_load", low: "Strongly disagree", high: "Strongly agree");
        Add("cl_debug", "likert", "Debugging problems in production is straightforward.", true, "cognitive_load", low: "Strongly disagree", high: "Strongly agree");
        Add("flow_focus", "likert", "I can usually focus on my work without interruption.", true, "flow", low: "Strongly disagree", high: "Strongly agree");
        Add("flow_goals", "likert", "The goals of my work are clear.", true, "flow", low: "Strongly disagree", high: "Strongly agree");
        Add("hours_lost", "single_choice", "In a typical week, how many hours do you lose to friction in tools and processes?", true, "friction", options: HoursLostOptions);
        foreach (var stage in JourneyStages)
        {
            Add($"journey_{stage}", "likert", $"How do you feel about this step of the path to production: {JourneyLabel(stage)}?", false, "journey", stage, low: "Very painful", high: "Delightful");
        }

        Add("obstacle", "long_text", "What is the biggest obstacle to shipping your work?", false, "free_text");
        Add("improve", "long_text", "If the platform team could improve one thing, what should it be?", false, "free_text");
        return questions;
    }

    private static string CapabilityLabel(string capability) => capability switch
    {
        "ci" => "continuous integration (builds and tests)",
        "deploys" => "deployments",
        "observability" => "observability (logs, metrics, traces)",
        "docs" => "the platform's documentation",
        _ => capability,
    };

    private static string JourneyLabel(string stage) => stage switch
    {
        "start_service" => "starting a new service",
        "get_infrastructure" => "getting infrastructure",
        "build_and_test" => "building and testing",
        "review" => "code review",
        "deploy" => "deploying",
        "operate" => "operating in production",
        _ => stage,
    };
}
