namespace Analytics.Reports.Themes;

/// <summary>A group of free-text answers about the same thing.</summary>
/// <param name="Label">Its most telling terms, for example "ci · slow · caching".</param>
/// <param name="Count">How many answers it holds.</param>
/// <param name="Quotes">Two answers closest to its centre.</param>
public sealed record Theme(string Label, int Count, IReadOnlyList<string> Quotes);
