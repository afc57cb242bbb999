namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>The eight constructs a DORA profile is placed on, and the survey dimensions that measure six of them.</summary>
public static class DoraProfileConstructs
{
    /// <summary>The survey dimensions of the profile items (Likert 1–5), in vector order after throughput and instability.</summary>
    public static readonly IReadOnlyList<string> SurveyDimensions =
        ["team_performance", "product_performance", "individual_effectiveness", "valuable_work", "work_friction", "burnout"];

    /// <summary>Every construct, in the order of a profile vector.</summary>
    public static readonly IReadOnlyList<string> All = ["throughput", "instability", .. SurveyDimensions];

    /// <summary>Fewest teams that can be standardised against each other: with two, every standard score is ±1.</summary>
    public const int MinimumTeams = 3;
}
