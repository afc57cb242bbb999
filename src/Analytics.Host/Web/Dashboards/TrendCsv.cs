using System.Text;
using Analytics.Core.Csv;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The overview's "what moved most" table and a team page's months as CSV, with the page's rows.</summary>
internal static class TrendCsv
{
    /// <summary>The teams that moved most, as the overview lists them.</summary>
    public static IResult Movers(OverviewModel model)
    {
        var csv = new StringBuilder("team_id,team,figure,before,now,change,better\n");
        foreach (var move in model.Movers)
        {
            csv.Append(CsvCell.Line([CsvCell.Text(move.TeamId), CsvCell.Text(move.TeamName), CsvCell.Text(move.Metric), CsvCell.Text(move.From), CsvCell.Text(move.To),
                CsvCell.Text(move.Change), CsvCell.Text(move.Better ? "true" : "false")])).Append('\n');
        }

        return File(csv, $"moved-most-{model.Filter.FileLabel}.csv");
    }

    /// <summary>A team's delivery month by month.</summary>
    public static IResult Months(TeamTrendModel model)
    {
        var csv = new StringBuilder("month,deployments,deployments_per_day,median_lead_time_hours,change_failure_rate,median_recovery_hours\n");
        foreach (var month in model.Months)
        {
            csv.Append(CsvCell.Line([CsvCell.Day(month.Month), CsvCell.Number(month.Deployments), Number(month.DeploysPerDay), Number(month.LeadTimeHours),
                Number(month.ChangeFailureRate), Number(month.RecoveryHours)])).Append('\n');
        }

        return File(csv, $"months-{model.Team.TeamId}-{model.Filter.FileLabel}.csv");
    }

    private static CsvCell Number(double? value) => value is { } v && double.IsFinite(v) ? CsvCell.Number(v) : CsvCell.Empty;

    private static IResult File(StringBuilder csv, string name) => Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
}
