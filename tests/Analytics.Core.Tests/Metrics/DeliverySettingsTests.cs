using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Dapper;

namespace Analytics.Core.Tests.Metrics;

/// <summary>Bad delivery settings are refused with a message naming the setting, before any stored row changes.</summary>
public sealed class DeliverySettingsTests : IDisposable
{
    private readonly MetricsFixture _fixture = new();

    [Theory]
    [InlineData(0, null, "Pulse:Metrics:LinkWindowDays must be a positive number of days (got 0).")]
    [InlineData(-5, null, "Pulse:Metrics:LinkWindowDays must be a positive number of days (got -5).")]
    [InlineData(30, " ", "Pulse:Metrics:ProductionEnvironments has an empty name; list environment names such as production, prod, live.")]
    public void Bad_setting_is_refused_by_name_and_changes_nothing_stored(int linkWindowDays, string? environment, string message)
    {
        _fixture.Team("payments").Service("pay-api", "payments");
        _fixture.Deploy("pay-api", "2026-07-01T10:00:00Z", environment: "prod");
        using var connection = _fixture.Database.Open();
        var before = Snapshot(connection);

        var options = new MetricsOptions { LinkWindowDays = linkWindowDays, ProductionEnvironments = environment is null ? null : ["production", environment] };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(message, error.Message);
        Assert.Throws<ArgumentException>(() => new MetricsService(_fixture.Database, Microsoft.Extensions.Options.Options.Create(options)));
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => DeliverySettings.Apply(connection, options)).Message);
        Assert.Equal(before, Snapshot(connection));
    }

    [Fact]
    public void Applying_the_same_settings_again_re_derives_nothing()
    {
        using var connection = _fixture.Database.Open();
        Assert.False(DeliverySettings.Apply(connection, new MetricsOptions()));
        Assert.True(DeliverySettings.Apply(connection, new MetricsOptions { LinkWindowDays = 14 }));
        Assert.False(DeliverySettings.Apply(connection, new MetricsOptions { LinkWindowDays = 14 }));
    }

    public void Dispose() => _fixture.Dispose();

    private static string Snapshot(Analytics.Core.Storage.PulseConnection connection) => string.Join("|",
        connection.Query<string>("SELECT deployment_id || environment || coalesce(release_id, '-') FROM deployments ORDER BY 1")
            .Append(connection.QuerySingle<string>("SELECT CAST(production_environments AS VARCHAR) || link_window_days FROM delivery_settings")));
}
