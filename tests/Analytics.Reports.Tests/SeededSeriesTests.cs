using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Seeding;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Reports.Forecasting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Tests;

/// <summary>Forecasting on the series a real report forecasts: the synthetic organisation's monthly DORA metrics.</summary>
public sealed class SeededSeriesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-seeded-").FullName;

    [Fact]
    public async Task Ssa_beats_seasonal_naive_on_the_seeded_monthly_deployments()
    {
        var database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = Path.Combine(_folder, "seeded.duckdb") }));
        using (var connection = database.Open())
        {
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(connection, CancellationToken.None);
            new SyntheticOrgGenerator(new SeedOptions(60, 730, 42, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        }

        var metrics = new MetricsService(database, Options.Create(new MetricsOptions()));
        var rows = await metrics.QueryAsync<DeploymentFrequency>("deployment_frequency",
            new MetricsQuery(new DateOnly(2024, 10, 1), new DateOnly(2026, 10, 1), PeriodGrain.Month), CancellationToken.None);
        var series = rows.Where(r => r.Level == "organisation").OrderBy(r => r.PeriodStart).Select(r => (double)r.Deployments / r.Days).ToList();

        Assert.Equal(24, series.Count);
        var ssa = Forecaster.Backtest(new SingularSpectrumModel(), series, 6, 12);
        var naive = Forecaster.Backtest(new SeasonalNaiveModel(12), series, 6, 12);
        Assert.True(ssa < naive, $"SSA backtest error {ssa:N3} vs seasonal naive {naive:N3}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
