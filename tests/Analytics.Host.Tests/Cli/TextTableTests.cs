using Analytics.Host.Cli;

namespace Analytics.Host.Tests.Cli;

public sealed class TextTableTests
{
    private static readonly string[] Headers = ["Team", "Lead time p50 / p90", "Frequency", "Error"];

    [Fact]
    public void A_table_that_fits_is_written_as_is()
    {
        var lines = Render(200, ["payments", "10.5h / 19.4h", "on demand", "none"]);

        Assert.Equal("Team      Lead time p50 / p90  Frequency  Error", lines[0]);
        Assert.Equal("payments  10.5h / 19.4h        on demand  none", lines[2]);
    }

    [Theory]
    [InlineData(70)]
    [InlineData(40)]
    [InlineData(25)]
    [InlineData(12)]
    [InlineData(3)]
    public void No_line_is_wider_than_the_width(int width)
    {
        var lines = Render(width, ["Organisation", "24.5h / 7.9d", "daily to weekly", "the GitHub token was refused (401): give Pulse:Sources:GitHub:Token a token with repo scope"]);

        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: '{l}'"));
    }

    [Fact]
    public void A_narrow_column_wraps_at_spaces_before_anything_is_cut()
    {
        var lines = Render(48, ["Organisation", "24.5h / 7.9d", "daily to weekly", "refused"]);

        Assert.DoesNotContain(lines, l => l.Contains('…', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Organisation", StringComparison.Ordinal));
        Assert.Contains("daily", string.Join('\n', lines), StringComparison.Ordinal);
        Assert.Contains("weekly", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_narrow_for_the_columns_each_row_becomes_lines_of_header_and_value()
    {
        var lines = Render(16, ["payments", "10.5h / 19.4h", "on demand", "none"]);

        Assert.Contains("Team: payments", lines);
        Assert.Contains("Frequency: on d…", lines);
    }

    private static string[] Render(int width, string[] row)
    {
        var table = new TextTable().AddColumns(Headers);
        table.AddRow(row);
        using var output = new StringWriter();
        table.Write(output, width);
        return output.ToString().Split(Environment.NewLine);
    }
}
