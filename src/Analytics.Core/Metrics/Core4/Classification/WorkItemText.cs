namespace Analytics.Core.Metrics.Core4.Classification;

/// <summary>What the text model reads of a work item, and (for training) the category the rules gave it.</summary>
public sealed class WorkItemText
{
    /// <summary>The title; empty when the source gave none.</summary>
    public string Title { get; set; } = "";

    /// <summary>The labels, separated by spaces.</summary>
    public string Labels { get; set; } = "";

    /// <summary>The work-item kind (the Jira kind: bug, feature, task, …).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The category the rules gave it; empty for an item to classify.</summary>
    public string Category { get; set; } = "";
}
