using System.Globalization;
using Analytics.Core.Surveys;
using Analytics.Surveys;

namespace Analytics.Host.Web.Admin.Surveys;

/// <summary>How the survey admin pages write days, moments and a wave's audience.</summary>
internal static class SurveyFormat
{
    /// <summary>A day, such as "24 Nov 2026" (UTC).</summary>
    public static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day and time, such as "24 Nov 2026 09:00 UTC".</summary>
    public static string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The teams a wave asks, by name, or "every team".</summary>
    public static string Audience(SurveyWave wave, IReadOnlyList<TeamName> teams) =>
        wave.AudienceTeamIds is { Count: > 0 } ids
            ? string.Join(", ", ids.Select(id => teams.FirstOrDefault(t => t.TeamId == id)?.Name ?? id))
            : "every team";

    /// <summary>The path of a survey's page.</summary>
    public static string SurveyPath(string surveyId) => $"/admin/surveys/{Uri.EscapeDataString(surveyId)}";

    /// <summary>The path of a wave's page.</summary>
    public static string WavePath(string waveId) => $"/admin/waves/{Uri.EscapeDataString(waveId)}";
}
