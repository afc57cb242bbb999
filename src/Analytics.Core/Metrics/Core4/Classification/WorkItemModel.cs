using Microsoft.ML;

namespace Analytics.Core.Metrics.Core4.Classification;

/// <summary>A trained work-item text model: predicts a <see cref="WorkCategory"/> from title, labels and kind.</summary>
public sealed class WorkItemModel
{
    private readonly MLContext _context;
    private readonly ITransformer _model;

    internal WorkItemModel(MLContext context, ITransformer model)
    {
        _context = context;
        _model = model;
    }

    /// <summary>The category of each item, in order.</summary>
    public IReadOnlyList<string> Predict(IReadOnlyList<WorkItemText> items)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var predictions = _model.Transform(_context.Data.LoadFromEnumerable(items));
        return _context.Data.CreateEnumerable<WorkItemPrediction>(predictions, reuseRowObject: false)
            .Select(prediction => prediction.PredictedCategory)
            .ToList();
    }
}
