namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// An optional block of the DevEx pulse: the six survey constructs that place a team in a DORA 2025 profile (team
/// and product performance, individual effectiveness, valuable work, friction, burnout), two Likert items each.
/// Agreeing means more of the construct, so for friction and burnout agreeing is the unfavourable answer. The
/// block is also a template of its own, for a survey that asks only it.
/// </summary>
public static class DoraProfileBlock
{
    /// <summary>The block's name, as a PM switches it on.</summary>
    public const string Name = "dora-profile";

    /// <summary>Shown to admins.</summary>
    public const string Label = "DORA 2025 team profile (12 items)";

    /// <summary>The block on its own, as a survey of its own.</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Team profile (DORA 2025)", "One minute on how your team works. Answers are reported only for groups of five or more.", Name, createdAt);

    /// <summary>The block's questions, as the whole of a survey of its own.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId) => Build(surveyId, 1, null);

    /// <summary>
    /// The block's questions as an optional block of the DevEx pulse, numbered from <paramref name="firstPosition"/>
    /// so they follow the template's own: asked only by a wave that switches <see cref="Name"/> on.
    /// </summary>
    public static IReadOnlyList<SurveyQuestion> InPulse(string surveyId, int firstPosition) => Build(surveyId, firstPosition, Name);

    private static List<SurveyQuestion> Build(string surveyId, int firstPosition, string? block) =>
        new QuestionBuilder(surveyId)
            .Agree("dp_team_goals", "My team reliably meets its goals.", "team_performance", block: block)
            .Agree("dp_team_adapt", "My team adapts well when plans or priorities change.", "team_performance", block: block)
            .Agree("dp_product_users", "The product or service I work on meets its users' needs.", "product_performance", block: block)
            .Agree("dp_product_reliable", "The product or service I work on is reliable and performs well for its users.", "product_performance", block: block)
            .Agree("dp_effective", "I am effective in my work.", "individual_effectiveness", block: block)
            .Agree("dp_progress", "Most days I make real progress on my work.", "individual_effectiveness", block: block)
            .Agree("dp_valuable", "Most of my time goes to work that matters to our users or the business.", "valuable_work", block: block)
            .Agree("dp_worthwhile", "The work I do is worthwhile.", "valuable_work", block: block)
            .Agree("dp_hurdles", "Unnecessary hurdles slow my work down.", "work_friction", block: block)
            .Agree("dp_waiting", "I spend a lot of time waiting on other people, tools or approvals.", "work_friction", block: block)
            .Agree("dp_burned_out", "I feel burned out from my work.", "burnout", block: block)
            .Agree("dp_exhausted", "My work leaves me exhausted.", "burnout", block: block)
            .Questions
            .Select(q => q with { Position = q.Position + firstPosition - 1 })
            .ToList();
}
