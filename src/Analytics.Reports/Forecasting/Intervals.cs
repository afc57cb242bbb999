using MathNet.Numerics.Distributions;

namespace Analytics.Reports.Forecasting;

/// <summary>Shared arithmetic of the forecast models.</summary>
internal static class Intervals
{
    /// <summary>The two-sided normal quantile for a coverage, for example 1.2816 for 80%.</summary>
    public static double Z(double coverage) => Normal.InvCDF(0, 1, 0.5 + (coverage / 2));

    /// <summary>Root mean square of residuals with <paramref name="parameters"/> degrees of freedom used.</summary>
    public static double Sigma(IEnumerable<double> residuals, int parameters)
    {
        var list = residuals.ToList();
        var freedom = Math.Max(1, list.Count - parameters);
        return Math.Sqrt(list.Sum(r => r * r) / freedom);
    }
}
