namespace Analytics.Core.Metrics.Core4;

/// <summary>
/// DX Core 4 impact: how the work items resolved in a period split between new capabilities, maintenance and
/// unplanned work, for the organisation or a team — by the rules alone, and with the text model filling in the
/// items no rule matched.
/// </summary>
/// <param name="Level"><c>organisation</c> or <c>team</c>.</param>
/// <param name="TeamId">The team; null for the organisation.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Items">Work items resolved in the period.</param>
/// <param name="RuleClassified">Of them, those a rule classified.</param>
/// <param name="ModelClassified">Those the model classified (0 when no model is used).</param>
/// <param name="RulesOnly">Shares (0–1) per category over the rule-classified items; empty when none.</param>
/// <param name="WithModel">Shares over rule- and model-classified items; null when no model is used.</param>
public sealed record ImpactShares(
    string Level,
    string? TeamId,
    DateOnly PeriodStart,
    int Items,
    int RuleClassified,
    int ModelClassified,
    IReadOnlyDictionary<string, double> RulesOnly,
    IReadOnlyDictionary<string, double>? WithModel)
{
    /// <summary>Items neither rules nor model classified.</summary>
    public int Unclassified => Items - RuleClassified - ModelClassified;

    /// <summary>The headline: the share on new capabilities, with the model when one is used, else by the rules.</summary>
    public double? NewCapabilityShare =>
        (WithModel ?? RulesOnly).TryGetValue(WorkCategory.NewCapability, out var share) ? share : null;
}
