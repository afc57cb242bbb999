using System.Text;
using Analytics.Core.Csv;

namespace Analytics.Host.Web.Dashboards;

/// <summary>Each table of the adoption dashboard as CSV, with exactly the page's rows (hidden cohorts stay hidden).</summary>
internal static class AdoptionCsv
{
    /// <summary>The names the tables download under.</summary>
    public static readonly IReadOnlyList<string> Tables = ["platform", "capabilities", "participation", "onboarding", "support", "self-service"];

    /// <summary>The table <paramref name="table"/> of <paramref name="model"/>, or 404 for a name not in <see cref="Tables"/>.</summary>
    public static IResult File(AdoptionModel model, string table)
    {
        var csv = new StringBuilder();
        var quarters = model.Quarters;
        var columns = 0;
        void Header(string names)
        {
            csv.Append(names).Append('\n');
            columns = names.Count(c => c == ',') + 1;
        }

        // A row without figures still has every column, empty, so that the file stays rectangular.
        void Row(CsvCell first, IReadOnlyList<CsvCell> rest) =>
            csv.Append(CsvCell.Line([first, .. rest, .. Enumerable.Repeat(CsvCell.Empty, columns - 1 - rest.Count)])).Append('\n');

        switch (table)
        {
            case "platform":
                Header("quarter,services_in_production,services_on_platform,service_share,team_share,experimental_services");
                for (var i = 0; i < quarters.Count; i++)
                {
                    var row = model.Platform[i];
                    Row(Text(quarters[i]), row is null ? [] : [Count(row.ActiveServices), Count(row.AdoptedServices), Number(row.ServiceShare), Number(row.TeamShare), Count(row.ExperimentalServices)]);
                }

                break;
            case "capabilities":
                Header("capability,quarter,services_in_production,services_using,share");
                foreach (var capability in model.Capabilities)
                {
                    for (var i = 0; i < quarters.Count; i++)
                    {
                        var cell = capability.ByQuarter[i];
                        Row(CsvCell.Text(capability.Capability), [Text(quarters[i]), .. cell is null ? Array.Empty<CsvCell>() : [Count(cell.ActiveServices), Count(cell.AdoptedServices), Number(cell.Share)]]);
                    }
                }

                break;
            case "participation":
                Header("quarter,engineers_outside_platform_team,contributors,share");
                for (var i = 0; i < quarters.Count; i++)
                {
                    var row = model.Participation[i];
                    Row(Text(quarters[i]), row is null ? [] : [Count(row.Engineers), Count(row.Contributors), Number(row.Share)]);
                }

                break;
            case "onboarding":
                Header("cohort_quarter,suppressed,starters,deployed,median_days,p75_days,share_within_30_days");
                foreach (var cohort in model.Cohorts)
                {
                    Row(Text(cohort.Quarter),
                        [CsvCell.Text(cohort.Hidden ? "true" : "false"), Count(cohort.Starters), Count(cohort.Deployed), Number(cohort.MedianDays), Number(cohort.P75Days), Number(cohort.ShareWithin30Days)]);
                }

                break;
            case "support":
                Header("quarter,requests,per_100_engineers_per_month,median_first_response_hours,median_resolution_hours");
                for (var i = 0; i < quarters.Count; i++)
                {
                    var row = model.Support[i];
                    Row(Text(quarters[i]), row is null ? [] : [Count(row.Requests), Number(row.PerHundredEngineersPerMonth), Number(row.MedianFirstResponseHours), Number(row.MedianResolutionHours)]);
                }

                break;
            case "self-service":
                Header("request_type,requests,median_handling_hours,effort_hours");
                foreach (var category in model.Candidates)
                {
                    Row(CsvCell.Text(category.Category), [Count(category.Requests), Number(category.MedianHandlingHours), Number(category.EffortHours)]);
                }

                break;
            default:
                return Results.NotFound();
        }

        var name = $"adoption-{table}-{model.Filter.FileLabel}{(model.Filter.Team is null ? "" : "-" + model.Filter.Team)}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    private static CsvCell Text(Analytics.Core.Metrics.Quarter quarter) => CsvCell.Text(quarter.ToString());

    private static CsvCell Count(long? value) => value is { } v ? CsvCell.Number(v) : CsvCell.Empty;

    private static CsvCell Number(double? value) => value is { } v && double.IsFinite(v) ? CsvCell.Number(v) : CsvCell.Empty;
}
