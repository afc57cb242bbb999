namespace Analytics.Core.Metrics.Core4;

/// <summary>One figure of a Core 4 panel: the quarter's value, the previous quarter's, and why a value is missing.</summary>
/// <param name="Value">This quarter; null when there is none (see <paramref name="Reason"/>).</param>
/// <param name="Previous">The previous quarter; null when there is none.</param>
/// <param name="Reason">Why <paramref name="Value"/> is missing, or a note on how it was obtained; null otherwise.</param>
public sealed record Core4Figure(double? Value, double? Previous, string? Reason = null)
{
    /// <summary>Value − previous; null when either is missing.</summary>
    public double? Change => Value - Previous;
}
