namespace Analytics.Core.Metrics.Core4.Classification;

/// <summary>The text model's answer for one work item.</summary>
public sealed class WorkItemPrediction
{
    /// <summary>The predicted <see cref="WorkCategory"/>.</summary>
    public string PredictedCategory { get; set; } = "";
}
