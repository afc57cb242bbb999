namespace Analytics.Core.Surveys.Templates;

/// <summary>
/// An optional block of the DevEx pulse: the six survey constructs that place a team in a DORA 2025 profile (team
/// and product performance, individual effectiveness, valuable work, friction, burnout), two Likert items each.
/// Agreeing means more of the construct, so for friction and burnout agreeing is the unfavourable answer. The
/// DevEx pulse has no switchable blocks yet, so the block is also a template of its own.
/// </summary>
public static class DoraProfileBlock
{
    /// <summary>The block's name, as a PM switches it on.</summary>
    public const string Name = "dora-profile";

    /// <summary>Shown to admins.</summary>
    public const string Label = "DORA 2025 team profile (12 items)";

    /// <summary>The block on its own, as a survey of its own (until the DevEx pulse can switch blocks on).</summary>
    public static Survey Survey(string surveyId, DateTimeOffset createdAt) =>
        new(surveyId, "Team profile (DORA 2025)", "One minute on how your team works. Answers are reported only for groups of five or more.", Name, createdAt);

    /// <summary>The block's questions, numbered from <paramref name="firstPosition"/> so they follow the template's own.</summary>
    public static IReadOnlyList<SurveyQuestion> Questions(string surveyId, int firstPosition = 1) =>
        new QuestionBuilder(surveyId)
            .Agree("dp_team_goals", "My team reliably meets its goals.", "team_performance")
            .Agree("dp_team_adapt", "My team adapts well when plans or priorities change.", "team_performance")
            .Agree("dp_product_users", "The product or service I work on meets its users' needs.", "product_performance")
            .Agree("dp_product_reliable", "The product or service I work on is reliable and performs well for its users.", "product_performance")
            .Agree("dp_effective", "I am effective in my work.", "individual_effectiveness")
            .Agree("dp_progress", "Most days I make real progress on my work.", "individual_effectiveness")
            .Agree("dp_valuable", "Most of my time goes to work that matters to our users or the business.", "valuable_work")
            .Agree("dp_worthwhile", "The work I do is worthwhile.", "valuable_work")
            .Agree("dp_hurdles", "Unnecessary hurdles slow my work down.", "work_friction")
            .Agree("dp_waiting", "I spend a lot of time waiting on other people, tools or approvals.", "work_friction")
            .Agree("dp_burned_out", "I feel burned out from my work.", "burnout")
            .Agree("dp_exhausted", "My work leaves me exhausted.", "burnout")
            .Questions
            .Select(q => q with { Position = q.Position + firstPosition - 1 })
            .ToList();
}
