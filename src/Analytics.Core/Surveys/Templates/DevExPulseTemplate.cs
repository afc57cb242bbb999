namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// The quarterly DevEx pulse, about two minutes in five questions: platform NPS, the DevEx framework's three
/// dimensions (feedback loops, cognitive load, flow state; two statements each, as one grid), hours lost to
/// friction, the path-to-production stages as one grid, and the biggest obstacle. Two optional blocks a wave can switch on: CSAT per platform capability
/// (a grid) and one thing to improve. Every item a metric or the report reads is in the default form.
/// </summary>
public static class DevExPulseTemplate
{
    /// <summary>The template's name, stored on surveys made from it.</summary>
    public const string Name = "devex-pulse";

    /// <summary>The optional block that rates each platform capability (CSAT).</summary>
    public const string CapabilitiesBlock = "capabilities";

    /// <summary>The optional block that asks for one thing to improve.</summary>
    public const string ImprovementBlock = "improvement";

    /// <summary>The platform capabilities rated for satisfaction.</summary>
    public static readonly IReadOnlyList<string> Capabilities = ["ci", "deploys", "observability", "docs"];

    /// <summary>The answer options of the hours-lost question.</summary>
    public static readonly IReadOnlyList<string?> HoursLostOptions = ["Less than 1 hour", "1–2 hours", "3–5 hours", "6–10 hours", "More than 10 hours"];

    /// <summary>The optional blocks, in form order.</summary>
    public static readonly IReadOnlyList<string?> OptionalBlocks = [CapabilitiesBlock, ImprovementBlock, DoraProfileBlock.Name];

    /// <summary>Creates the survey with the given id.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Developer experience pulse", "Two minutes on how the platform helps you ship. Answers are reported only for groups of five or more.", Name, createdAt);

    /// <summary>Creates the survey's questions, the optional blocks' among them.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId)
    {
        var builder = new QuestionBuilder(surveyId)
            .Add("nps", SurveyQuestionKinds.Nps, "How likely are you to recommend our internal developer platform to a colleague?", true, "nps", low: "Not at all likely", high: "Extremely likely");
        foreach (var capability in Capabilities)
        {
            builder.Add($"csat_{capability}", SurveyQuestionKinds.Likert, $"How satisfied are you with {CapabilityLabel(capability)}?", false, "csat", capability,
                low: "Very dissatisfied", high: "Very satisfied", block: CapabilitiesBlock, grid: "How satisfied are you with each part of the platform?", rowLabel: Capitalised(CapabilityLabel(capability)));
        }

        const string statements = "How far do you agree with each statement?";
        builder
            .Agree("fl_local", "I get fast feedback when I validate a change locally.", "feedback_loops", grid: statements)
            .Agree("fl_deploy", "Deploying my change to production is quick.", "feedback_loops", grid: statements)
            .Agree("cl_docs", "The documentation I need is easy to find and understand.", "cognitive_load", grid: statements)
            .Agree("cl_debug", "Debugging problems in production is straightforward.", "cognitive_load", grid: statements)
            .Agree("flow_focus", "I can usually focus on my work without interruption.", "flow", grid: statements)
            .Agree("flow_goals", "The goals of my work are clear.", "flow", grid: statements)
            .Add("hours_lost", SurveyQuestionKinds.SingleChoice, "In a typical week, how many hours do you lose to friction in tools and processes?", true, "friction", options: HoursLostOptions);
        foreach (var stage in PathToProductionTemplate.Stages)
        {
            var label = PathToProductionTemplate.StageLabel(stage);
            builder.Add($"journey_{stage}", SurveyQuestionKinds.Likert, $"How do you feel about this step of the path to production: {label}?", false, "journey", stage,
                low: "Very painful", high: "Delightful", grid: "How does each step of the path to production feel?", rowLabel: Capitalised(label));
        }

        builder
            .Add("obstacle", SurveyQuestionKinds.LongText, "What is the biggest obstacle to shipping your work?", false, "free_text")
            .Add("improve", SurveyQuestionKinds.LongText, "If the platform team could improve one thing, what should it be?", false, "free_text", block: ImprovementBlock);
        return [.. builder.Questions, .. DoraProfileBlock.InPulse(surveyId, builder.Questions.Count + 1)];
    }

    private static string CapabilityLabel(string capability) => capability switch
    {
        "ci" => "continuous integration (builds and tests)",
        "deploys" => "deployments",
        "observability" => "observability (logs, metrics, traces)",
        "docs" => "the platform's documentation",
        _ => capability,
    };

    private static string Capitalised(string label) => char.ToUpperInvariant(label[0]) + label[1..];
}
