namespace Analytics.Core.Metrics.Core4;

/// <summary>What a work item spent effort on, for DX Core 4's impact figure.</summary>
public static class WorkCategory
{
    /// <summary>New capabilities: features, stories, epics.</summary>
    public const string NewCapability = "new_capability";

    /// <summary>Keeping the lights on: upgrades, tech debt, chores, rework.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>Work nobody planned: bugs, incidents, support requests.</summary>
    public const string Unplanned = "unplanned";

    /// <summary>The three categories, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> All = [NewCapability, Maintenance, Unplanned];
}
