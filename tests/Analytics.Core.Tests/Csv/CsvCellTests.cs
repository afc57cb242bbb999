using Analytics.Core.Csv;

namespace Analytics.Core.Tests.Csv;

/// <summary>The one CSV cell writer every export uses: text is defused and quoted, computed values are left alone.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Slow, flaky CI", "\"Slow, flaky CI\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_is_defused_when_it_starts_a_formula_and_quoted_when_needed(string? text, string field) =>
        Assert.Equal(field, CsvCell.Text(text).Field);

    [Fact]
    public void Computed_values_are_written_as_they_are_even_when_negative() =>
        Assert.Equal("-3.5,-2,2026-07-01,2026-07-01T10:00:00Z,",
            CsvCell.Line([CsvCell.Number(-3.5), CsvCell.Number(-2L), CsvCell.Day(new DateOnly(2026, 7, 1)),
                CsvCell.Timestamp(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(2))), CsvCell.Empty]));
}
