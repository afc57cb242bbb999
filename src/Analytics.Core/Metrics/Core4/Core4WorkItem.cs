namespace Analytics.Core.Metrics.Core4;

/// <summary>A work item as the impact figure reads it.</summary>
/// <param name="WorkItemId">Source-qualified id.</param>
/// <param name="PeriodStart">First day of the period it was resolved in (for training items, the minimum date).</param>
/// <param name="TeamId">The team that handled it.</param>
/// <param name="Kind">The work-item kind.</param>
/// <param name="Title">Its title, possibly empty.</param>
/// <param name="Labels">Its labels joined by the unit separator (U+001F); empty when none.</param>
public sealed record Core4WorkItem(string WorkItemId, DateOnly PeriodStart, string? TeamId, string Kind, string? Title, string? Labels)
{
    /// <summary>Creates a training item, which has no period or team.</summary>
    public Core4WorkItem(string workItemId, string kind, string? title, string? labels)
        : this(workItemId, DateOnly.MinValue, null, kind, title, labels)
    {
    }

    /// <summary>The labels one by one.</summary>
    public IReadOnlyList<string?> LabelList => string.IsNullOrEmpty(Labels) ? [] : Labels.Split('\u001f');
}
