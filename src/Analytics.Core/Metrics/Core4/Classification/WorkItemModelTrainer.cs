using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Analytics.Core.Metrics.Core4.Classification;

/// <summary>
/// Trains the work-item text model (Microsoft.ML: <c>FeaturizeText</c> on title, labels and kind, then
/// <c>SdcaMaximumEntropy</c>) on the items the rules classified, measures it by k-fold cross-validation, and
/// keeps it only when there are enough labelled items and its macro accuracy reaches the threshold.
/// </summary>
public static class WorkItemModelTrainer
{
    private const string Features = "Features";
    private const string Label = "Label";

    /// <summary>Trains on <paramref name="labelled"/> (each with its rules' <see cref="WorkItemText.Category"/>); deterministic for the same items and seed.</summary>
    public static WorkItemModelTraining Train(IReadOnlyList<WorkItemText> labelled, Core4Options options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        WorkItemModelTraining Refused(string reason, int trained = 0, double? macro = null, double? micro = null) =>
            new(null, new WorkItemModelStatus(false, reason, labelled.Count, trained, macro, micro, options.MinimumLabelledItems, options.MinimumAccuracy,
                clock.Elapsed.TotalMilliseconds));

        if (labelled.Count < options.MinimumLabelledItems)
        {
            return Refused(string.Create(CultureInfo.InvariantCulture,
                $"no model: {labelled.Count} work items classified by rules, fewer than the minimum of {options.MinimumLabelledItems} to learn from"));
        }

        var categories = labelled.Select(item => item.Category).Distinct(StringComparer.Ordinal).Count();
        if (categories < 2)
        {
            return Refused("no model: the rules put every labelled work item in one category, so there is nothing to tell apart");
        }

        var sample = Sample(labelled, options.MaximumTrainingItems);
        cancellationToken.ThrowIfCancellationRequested();

        var context = new MLContext(options.Seed);
        var data = context.Data.LoadFromEnumerable(sample);
        var pipeline = context.Transforms.Conversion.MapValueToKey(Label, nameof(WorkItemText.Category))
            .Append(context.Transforms.Text.FeaturizeText(Features, new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options(),
                nameof(WorkItemText.Title), nameof(WorkItemText.Labels), nameof(WorkItemText.Kind)))
            .Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = Label,
                FeatureColumnName = Features,
                // One thread: SDCA's parallel updates depend on scheduling, and the same data must give the same model.
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 20,
            }))
            .Append(context.Transforms.Conversion.MapKeyToValue(nameof(WorkItemPrediction.PredictedCategory), "PredictedLabel"));

        var folds = context.MulticlassClassification.CrossValidate(data, pipeline, options.CrossValidationFolds, Label, seed: options.Seed);
        var macro = folds.Average(fold => fold.Metrics.MacroAccuracy);
        var micro = folds.Average(fold => fold.Metrics.MicroAccuracy);
        cancellationToken.ThrowIfCancellationRequested();
        if (macro < options.MinimumAccuracy)
        {
            return Refused(string.Create(CultureInfo.InvariantCulture,
                $"no model: its cross-validated macro accuracy {macro:P0} is below the minimum of {options.MinimumAccuracy:P0}"), sample.Count, macro, micro);
        }

        var model = pipeline.Fit(data);
        return new WorkItemModelTraining(new WorkItemModel(context, model),
            new WorkItemModelStatus(true, null, labelled.Count, sample.Count, macro, micro, options.MinimumLabelledItems, options.MinimumAccuracy, clock.Elapsed.TotalMilliseconds));
    }

    /// <summary>Every n-th item when there are more than <paramref name="maximum"/>, so the sample is the same on every run.</summary>
    private static List<WorkItemText> Sample(IReadOnlyList<WorkItemText> items, int maximum) =>
        items.Count <= maximum
            ? [.. items]
            : Enumerable.Range(0, maximum).Select(i => items[(int)((long)i * items.Count / maximum)]).ToList();
}
