namespace Analytics.Core.Metrics.Core4;

/// <summary>How DX Core 4 is computed (configuration section <c>Pulse:Metrics:Core4</c>).</summary>
public sealed class Core4Options
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Metrics:Core4";

    /// <summary>Rules that classify work items before any model does.</summary>
    public WorkItemCategoryRules Rules { get; } = new();

    /// <summary>No model is trained on fewer rule-classified items than this. Default 200.</summary>
    public int MinimumLabelledItems { get; set; } = 200;

    /// <summary>A model whose cross-validated macro accuracy (0–1) is below this is not used. Default 0.7.</summary>
    public double MinimumAccuracy { get; set; } = 0.7;

    /// <summary>At most this many rule-classified items train the model (a deterministic sample); bounds training time. Default 20,000.</summary>
    public int MaximumTrainingItems { get; set; } = 20_000;

    /// <summary>Folds of the cross-validation that measures the model's accuracy. Default 5.</summary>
    public int CrossValidationFolds { get; set; } = 5;

    /// <summary>Seed of the model's training, so the same data always gives the same model.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Throws with a message naming the setting when one is out of range.</summary>
    public void Validate()
    {
        if (MinimumLabelledItems < 10)
        {
            throw new ArgumentException($"{Section}:MinimumLabelledItems must be at least 10 (got {MinimumLabelledItems}).");
        }

        if (MinimumAccuracy is < 0 or > 1 || double.IsNaN(MinimumAccuracy))
        {
            throw new ArgumentException($"{Section}:MinimumAccuracy is a share between 0 and 1 (got {MinimumAccuracy}).");
        }

        if (CrossValidationFolds is < 2 or > 20)
        {
            throw new ArgumentException($"{Section}:CrossValidationFolds must be between 2 and 20 (got {CrossValidationFolds}).");
        }

        if (MaximumTrainingItems < MinimumLabelledItems)
        {
            throw new ArgumentException($"{Section}:MaximumTrainingItems ({MaximumTrainingItems}) must be at least MinimumLabelledItems ({MinimumLabelledItems}).");
        }

        Rules.Validate(Section);
    }
}
