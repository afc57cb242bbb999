namespace Analytics.Reports.Charts;

/// <summary>Okabe–Ito colours: distinguishable with every common colour-vision deficiency, and in greyscale print.</summary>
public static class ChartPalette
{
    /// <summary>Actual values.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Forecasts and their bands.</summary>
    public const string Orange = "#E69F00";

    /// <summary>A second series.</summary>
    public const string Green = "#009E73";

    /// <summary>Warnings and failures.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Categorical order for stacked series.</summary>
    public static readonly IReadOnlyList<string> Categorical = [Blue, Orange, Green, Vermillion, "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
}
