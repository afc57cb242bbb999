using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Tests.Import;

public sealed class RecordFieldsTests
{
    [Theory]
    [InlineData("2026-07-01T10:00:00Z", "2026-07-01T10:00:00.0000000+00:00")]
    [InlineData("2026-07-01T10:00:00.5Z", "2026-07-01T10:00:00.5000000+00:00")]
    [InlineData("2026-07-01T10:00:00.123456789+02:00", "2026-07-01T08:00:00.1234567+00:00")]
    [InlineData("2026-07-01T01:00:00-05:30", "2026-07-01T06:30:00.0000000+00:00")]
    [InlineData("2026-07-01 10:00:00+0100", "2026-07-01T09:00:00.0000000+00:00")]
    public void Instants_with_a_zone_are_read_as_UTC(string text, string expected)
    {
        var value = new RecordFields(new Dictionary<string, string?> { ["t"] = text }).Instant("t");
        Assert.Equal(expected, value!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-07-01T10:00:00", "a time without a zone")]
    [InlineData("2026-02-30T10:00:00Z", "not an ISO 8601 time")]
    [InlineData("tomorrow", "a time without a zone")]
    public void Instants_without_a_zone_or_impossible_are_refused(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => new RecordFields(new Dictionary<string, string?> { ["t"] = text }).Instant("t"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
