namespace Analytics.Core.Metrics.Core4.Classification;

/// <summary>Whether the work-item text model is used, and how good it is.</summary>
/// <param name="Used">True when the model classified the items no rule matched.</param>
/// <param name="Reason">Why no model is used (too few labelled items, accuracy below the threshold, …); null when used.</param>
/// <param name="LabelledItems">Work items the rules classified, all of which could train the model.</param>
/// <param name="TrainingItems">Those that did train it (a deterministic sample of at most <c>MaximumTrainingItems</c>).</param>
/// <param name="MacroAccuracy">Cross-validated macro accuracy (mean of the per-category accuracies), 0–1; null when not measured.</param>
/// <param name="MicroAccuracy">Cross-validated micro accuracy (share of items right), 0–1; null when not measured.</param>
/// <param name="MinimumLabelledItems">The configured minimum of labelled items.</param>
/// <param name="MinimumAccuracy">The configured minimum macro accuracy.</param>
/// <param name="TrainingMilliseconds">Time spent cross-validating and training, in milliseconds.</param>
public sealed record WorkItemModelStatus(
    bool Used,
    string? Reason,
    int LabelledItems,
    int TrainingItems,
    double? MacroAccuracy,
    double? MicroAccuracy,
    int MinimumLabelledItems,
    double MinimumAccuracy,
    double TrainingMilliseconds);
