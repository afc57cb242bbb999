using Analytics.Core.Seeding;
using Analytics.Core.Tests.Metrics;
using Dapper;

namespace Analytics.Core.Tests.Seeding;

/// <summary>The seeded organisation's assistant adoption: staggered by team, with seats, activity, usage and trailers.</summary>
public sealed class SeededAiAdoptionTests
{
    [Fact]
    public async Task Teams_adopt_on_different_days_and_their_later_pull_requests_carry_trailers()
    {
        using var fixture = new MetricsFixture();
        using (var connection = fixture.Database.Open())
        {
            var summary = new SyntheticOrgGenerator(new SeedOptions(300, 365, 5, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
            Assert.True(connection.QuerySingle<long>("SELECT count(*) FROM ai_seats") > 100);
            Assert.True(summary.RowsByTable["change_signals"] > 0);
            Assert.Equal(summary.RowsByTable["change_signals"], connection.QuerySingle<long>("SELECT count(*) FROM change_signals"));
            Assert.Equal(0L, connection.QuerySingle<long>("SELECT count(*) FROM ai_seats s WHERE NOT EXISTS (SELECT 1 FROM engineers e WHERE lower(e.scm_login) = s.login)"));
            Assert.True(connection.QuerySingle<long>("SELECT count(*) FROM ai_usage_daily") > 100);
        }

        var adoption = await fixture.Metrics.AiTeamAdoptionAsync(new DateOnly(2026, 10, 1), CancellationToken.None);

        var days = adoption.Where(a => a.AdoptedOn is not null).Select(a => a.AdoptedOn).Distinct().ToList();
        Assert.True(days.Count >= 2, $"adoption staggered: {string.Join(", ", adoption)}");
        Assert.Contains(adoption, a => a.AdoptedOn is null);
    }
}
