using Analytics.Core.Storage;
using Analytics.Host.Cli;

namespace Analytics.Host.Tests.Cli;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "team", null, "0 teams")]
    [InlineData(1, "team", null, "1 team")]
    [InlineData(2, "team", null, "2 teams")]
    [InlineData(1, "record", null, "1 record")]
    [InlineData(12_345, "row", null, "12,345 rows")]
    [InlineData(1, "entry", "entries", "1 entry")]
    [InlineData(3, "entry", "entries", "3 entries")]
    public void A_count_takes_the_noun_in_its_number(long count, string singular, string? plural, string expected) =>
        Assert.Equal(expected, Counted.Of(count, singular, plural));

    [Fact]
    public void What_a_database_holds_is_one_line_with_each_noun_in_its_number() =>
        Assert.Equal("1 team, 2 services, 1 engineer, 0 deployments, 1 change, 1 incident, 1 work item, 1 survey response",
            Counted.Holdings(new ActivityCounts(1, 2, 1, 0, 1, 1, 1, 1)));
}
