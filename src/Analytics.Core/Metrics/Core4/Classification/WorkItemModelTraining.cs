namespace Analytics.Core.Metrics.Core4.Classification;

/// <summary>The outcome of training: the model when it may be used, and its status either way.</summary>
/// <param name="Model">The model; null when it is not used (see <see cref="WorkItemModelStatus.Reason"/>).</param>
/// <param name="Status">Whether it is used, and its cross-validated accuracy.</param>
public sealed record WorkItemModelTraining(WorkItemModel? Model, WorkItemModelStatus Status);
