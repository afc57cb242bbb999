using System.Globalization;

namespace Analytics.Ingestion.Sources.Surveys;

/// <summary>A wave's dates as a person reads them in a time zone, for messages.</summary>
internal static class SurveyWaveDates
{
    /// <summary>
    /// "2025-07-01 to 2025-07-21 (UTC)" when the wave runs from midnight to midnight in the zone (the closing
    /// midnight ends the last day), otherwise "2025-07-01 09:00 until 2025-07-21 17:00 (UTC)".
    /// </summary>
    public static string Describe(DateTimeOffset opensAt, DateTimeOffset closesAt, TimeZoneInfo zone)
    {
        var opens = TimeZoneInfo.ConvertTime(opensAt, zone);
        var closes = TimeZoneInfo.ConvertTime(closesAt, zone);
        var text = opens.TimeOfDay == TimeSpan.Zero && closes.TimeOfDay == TimeSpan.Zero
            ? $"{Day(opens.DateTime)} to {Day(closes.DateTime.AddDays(-1))}"
            : $"{opens.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} until {closes.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
        return $"{text} ({zone.Id})";
    }

    /// <summary>The moment a day starts in the zone.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
