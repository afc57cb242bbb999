using Analytics.Core.Metrics.Core4;
using Analytics.Core.Metrics.Core4.Classification;

namespace Analytics.Core.Tests.Metrics.Core4;

/// <summary>The work-item text model (docs/metrics.md, "DX Core 4"): used only with enough labelled items and enough accuracy.</summary>
public sealed class WorkItemModelTrainerTests
{
    private static readonly Core4Options Options = new() { MinimumLabelledItems = 100, MinimumAccuracy = 0.7 };

    [Fact]
    public void A_learnable_set_gives_a_model_above_the_threshold()
    {
        var training = WorkItemModelTrainer.Train(Core4Data.Learnable(300), Options, CancellationToken.None);

        Assert.True(training.Status.Used, training.Status.Reason);
        Assert.NotNull(training.Model);
        Assert.InRange(training.Status.MacroAccuracy!.Value, 0.85, 1.0);
        Assert.InRange(training.Status.MicroAccuracy!.Value, 0.85, 1.0);
    }

    [Fact]
    public void The_model_predicts_the_category_its_words_show_and_copes_with_an_empty_title()
    {
        var model = WorkItemModelTrainer.Train(Core4Data.Learnable(300), Options, CancellationToken.None).Model!;

        var predicted = model.Predict([
            new WorkItemText { Title = "launch new export for customers", Labels = "", Kind = "task" },
            new WorkItemText { Title = "upgrade legacy library version", Labels = "", Kind = "task" },
            new WorkItemText { Title = "", Labels = "", Kind = "task" },
        ]);

        Assert.Equal([WorkCategory.NewCapability, WorkCategory.Maintenance], predicted.Take(2));
        Assert.Contains(predicted[2], WorkCategory.All);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var first = WorkItemModelTrainer.Train(Core4Data.Learnable(300), Options, CancellationToken.None);
        var second = WorkItemModelTrainer.Train(Core4Data.Learnable(300), Options, CancellationToken.None);
        var probe = Core4Data.Learnable(60, seed: 99);

        Assert.Equal(first.Status.MacroAccuracy, second.Status.MacroAccuracy);
        Assert.Equal(first.Model!.Predict(probe), second.Model!.Predict(probe));
    }

    [Fact]
    public void Noise_stays_below_the_threshold_and_no_model_is_used()
    {
        var training = WorkItemModelTrainer.Train(Core4Data.Noise(300), Options, CancellationToken.None);

        Assert.False(training.Status.Used);
        Assert.Null(training.Model);
        Assert.True(training.Status.MacroAccuracy < 0.7);
        Assert.Contains("below the minimum of 70", training.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_labelled_items_train_no_model_and_say_so()
    {
        var training = WorkItemModelTrainer.Train(Core4Data.Learnable(50), Options, CancellationToken.None);

        Assert.False(training.Status.Used);
        Assert.Null(training.Status.MacroAccuracy);
        Assert.Equal("no model: 50 work items classified by rules, fewer than the minimum of 100 to learn from", training.Status.Reason);
    }

    [Fact]
    public void A_single_category_trains_no_model()
    {
        var one = Core4Data.Learnable(300).Where(item => item.Category == WorkCategory.Unplanned).ToList();
        var training = WorkItemModelTrainer.Train(one, new Core4Options { MinimumLabelledItems = 50 }, CancellationToken.None);

        Assert.False(training.Status.Used);
        Assert.Contains("one category", training.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_training_sample_is_capped()
    {
        var training = WorkItemModelTrainer.Train(Core4Data.Learnable(400), new Core4Options { MinimumLabelledItems = 100, MaximumTrainingItems = 150 }, CancellationToken.None);

        Assert.Equal((400, 150), (training.Status.LabelledItems, training.Status.TrainingItems));
    }

    [Theory]
    [InlineData(1.5, 5, "MinimumAccuracy")]
    [InlineData(0.7, 1, "CrossValidationFolds")]
    public void Bad_settings_are_refused_naming_them(double accuracy, int folds, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => new Core4Options { MinimumAccuracy = accuracy, CrossValidationFolds = folds }.Validate());
        Assert.Contains($"Pulse:Metrics:Core4:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_naming_an_unknown_category_is_refused()
    {
        var options = new Core4Options();
        options.Rules.Labels["spike"] = "research";
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("Pulse:Metrics:Core4:Rules:Labels:spike", error.Message, StringComparison.Ordinal);
    }
}
