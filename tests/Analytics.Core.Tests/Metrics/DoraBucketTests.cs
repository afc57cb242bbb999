using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Tests.Metrics;

/// <summary>The DORA 2025 buckets as migration 0019 stores them, at and beside every boundary, and the report-year setting.</summary>
public sealed class DoraBucketTests : IDisposable
{
    private readonly MetricsFixture _fixture = new();

    public static TheoryData<string, double, string> Boundaries => new()
    {
        { "deployment_frequency", 1.0, "on demand (multiple deploys per day)" },
        { "deployment_frequency", 0.999, "between once per day and once per week" },
        { "deployment_frequency", 1.0 / 7, "between once per day and once per week" },
        { "deployment_frequency", (1.0 / 7) - 1e-9, "between once per week and once per month" },
        { "deployment_frequency", 1.0 / 30, "between once per week and once per month" },
        { "deployment_frequency", (1.0 / 30) - 1e-9, "between once per month and once every six months" },
        { "deployment_frequency", 1.0 / 182, "between once per month and once every six months" },
        { "deployment_frequency", (1.0 / 182) - 1e-9, "fewer than once per six months" },
        { "deployment_frequency", 0, "fewer than once per six months" },
        { "lead_time", 0, "less than one hour" },
        { "lead_time", 0.99, "less than one hour" },
        { "lead_time", 1, "between one hour and one day" },
        { "lead_time", 23.99, "between one hour and one day" },
        { "lead_time", 24, "between one day and one week" },
        { "lead_time", 168, "between one week and one month" },
        { "lead_time", 720, "between one month and six months" },
        { "lead_time", 4367.9, "between one month and six months" },
        { "lead_time", 4368, "more than six months" },
        { "recovery_time", 0.5, "less than one hour" },
        { "recovery_time", 1, "between one hour and one day" },
        { "recovery_time", 24, "between one day and one week" },
        { "recovery_time", 167.9, "between one day and one week" },
        { "recovery_time", 168, "between one week and one month" },
        { "recovery_time", 720, "between one month and six months" },
        { "recovery_time", 4368, "more than six months" },
        { "change_failure_rate", 0, "0–2%" },
        { "change_failure_rate", 0.0199, "0–2%" },
        { "change_failure_rate", 0.02, "2–4%" },
        { "change_failure_rate", 0.04, "4–8%" },
        { "change_failure_rate", 0.08, "8–16%" },
        { "change_failure_rate", 0.16, "16–32%" },
        { "change_failure_rate", 0.32, "32–64%" },
        { "change_failure_rate", 0.64, "64–100%" },
        { "change_failure_rate", 1, "64–100%" },
        { "rework_rate", 0.0399, "2–4%" },
        { "rework_rate", 0.04, "4–8%" },
        { "rework_rate", 1, "64–100%" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task A_value_on_a_boundary_belongs_to_the_bucket_it_opens(string metric, double value, string label)
    {
        var buckets = await _fixture.Metrics.BucketsAsync(CancellationToken.None);
        Assert.Equal(label, DoraBucketCalculator.Of(buckets, metric, value)?.Label);
    }

    [Fact]
    public async Task Every_metric_has_buckets_that_cover_every_value_without_gaps()
    {
        var buckets = await _fixture.Metrics.BucketsAsync(CancellationToken.None);
        foreach (var metric in DoraBucketCalculator.Metrics)
        {
            var ranked = buckets.Where(b => b.Metric == metric).OrderBy(b => b.LowerBound).ToList();
            Assert.Equal(0, ranked[0].LowerBound);
            Assert.True(double.IsPositiveInfinity(ranked[^1].UpperBound));
            Assert.All(ranked.Zip(ranked.Skip(1)), pair => Assert.Equal(pair.First.UpperBound, pair.Second.LowerBound));
        }
    }

    [Fact]
    public async Task The_bands_not_confirmed_from_the_report_are_named_and_a_fully_confirmed_set_needs_no_note()
    {
        var buckets = await _fixture.Metrics.BucketsAsync(CancellationToken.None);

        // docs/metrics.md: lead time and recovery time are DORA's duration scale; the other three are not confirmed.
        var unconfirmed = DoraBucketCalculator.Unconfirmed(buckets);
        Assert.Equal(["deployment_frequency", "change_failure_rate", "rework_rate"], unconfirmed);
        Assert.EndsWith("the bands of deployment frequency, change failure rate, rework rate.", DoraBucketCalculator.UnconfirmedNote(unconfirmed), StringComparison.Ordinal);
        Assert.Empty(DoraBucketCalculator.Unconfirmed([.. buckets.Select(b => b with { Confirmed = true })]));
        Assert.Null(DoraBucketCalculator.UnconfirmedNote([]));
    }

    [Fact]
    public void A_missing_value_has_no_bucket()
    {
        Assert.Null(DoraBucketCalculator.Of([new DoraBucket("lead_time", 1, "any", 0, double.PositiveInfinity, "hours", true)], "lead_time", null));
    }

    [Fact]
    public async Task Report_year_2023_keeps_the_levels_and_has_no_buckets_or_profiles()
    {
        using var fixture = new MetricsFixture(new MetricsOptions { DoraReportYear = 2023 });
        Assert.Empty(await fixture.Metrics.BucketsAsync(CancellationToken.None));
        Assert.Equal(["elite", "high", "medium", "low"], (await fixture.Metrics.ThresholdsAsync(CancellationToken.None)).Select(t => t.Level));
        var profiles = await fixture.Metrics.ProfilesAsync(new Quarter(2026, 3), CancellationToken.None);
        Assert.Empty(profiles.Teams);
        Assert.Contains("no team profiles", profiles.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_year_2025_places_levels_by_the_2023_bands_beside_the_buckets()
    {
        Assert.Equal(2025, new MetricsOptions().DoraReportYear);
        Assert.Equal(["elite", "high", "medium", "low"], (await _fixture.Metrics.ThresholdsAsync(CancellationToken.None)).Select(t => t.Level));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(1999)]
    [InlineData(2030)]
    public async Task An_unknown_report_year_fails_at_start_naming_the_setting_and_the_known_years(int year)
    {
        using var connection = MemoryDatabase.Open();
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System, Options.Create(new MetricsOptions { DoraReportYear = year }));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.ApplyAsync(connection, CancellationToken.None));
        Assert.Equal($"Pulse:Metrics:DoraReportYear is {year}, but Pulse knows the DORA reports of 2023 and 2025; set one of those.", error.Message);
    }

    public void Dispose() => _fixture.Dispose();
}
