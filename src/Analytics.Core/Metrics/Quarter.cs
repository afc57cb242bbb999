using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Core.Metrics;

/// <summary>A calendar quarter, written <c>2026-Q3</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(QuarterJsonConverter))]
public readonly partial record struct Quarter(int Year, int Number)
{
    /// <summary>The first day of the quarter.</summary>
    public DateOnly Start => new(Year, ((Number - 1) * 3) + 1, 1);

    /// <summary>The first day after the quarter.</summary>
    public DateOnly End => Start.AddMonths(3);

    /// <summary>The quarter before this one.</summary>
    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    /// <summary>The quarter a day falls in.</summary>
    public static Quarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>Parses <c>2026-Q3</c> (case-insensitive); throws <see cref="FormatException"/> naming the expected form.</summary>
    public static Quarter Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a quarter: write it like 2026-Q3.");
        }

        return new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    [GeneratedRegex(@"^(\d{4})-[Qq]([1-4])$")]
    private static partial Regex Pattern();
}
