using Analytics.Reports.Building;
using Analytics.Reports.Charts;
using Analytics.Reports.Printing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Analytics.Reports;

/// <summary>Registers the report services.</summary>
public static class ReportsHostingExtensions
{
    /// <summary>Adds <see cref="ReportOptions"/> (section <c>Pulse:Reports</c>) and the report generator.</summary>
    public static IHostApplicationBuilder AddPulseReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MonthlySeriesCache>();
        builder.Services.AddSingleton<QuarterlyMetricsCache>();
        builder.Services.AddSingleton<FigureCache>();
        builder.Services.AddSingleton<ReportBuilder>();
        builder.Services.AddSingleton<ChartRenderer>();
        builder.Services.AddSingleton<ChromiumPdfPrinter>();
        builder.Services.AddSingleton<ReportGenerator>();
        return builder;
    }
}
