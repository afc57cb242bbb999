using System.Globalization;
using Analytics.Core.Storage;

namespace Analytics.Host.Cli;

/// <summary>Numbers with their noun in the right number for the command line: "1 team", "2 teams", "1,024 rows".</summary>
internal static class Counted
{
    /// <summary><paramref name="count"/> (grouped by thousands) and the noun, <paramref name="plural"/> unless it is one (default: the noun + s).</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>What a database holds, as one line: "4 teams, 8 services, 1 engineer, …".</summary>
    public static string Holdings(ActivityCounts counts) => string.Join(", ",
        Of(counts.Teams, "team"), Of(counts.Services, "service"), Of(counts.Engineers, "engineer"), Of(counts.Deployments, "deployment"),
        Of(counts.Changes, "change"), Of(counts.Incidents, "incident"), Of(counts.WorkItems, "work item"), Of(counts.SurveyResponses, "survey response"));
}
