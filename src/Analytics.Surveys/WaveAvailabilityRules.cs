using Analytics.Core.Surveys;

namespace Analytics.Surveys;

/// <summary>Works out a wave's <see cref="WaveAvailability"/>.</summary>
public static class WaveAvailabilityRules
{
    /// <summary>The wave's availability at <paramref name="now"/>; the same rule as the writer's check.</summary>
    public static WaveAvailability AvailabilityAt(this SurveyWave wave, DateTimeOffset now) => wave.Status switch
    {
        "draft" => WaveAvailability.Draft,
        "closed" => WaveAvailability.Closed,
        _ when now >= wave.ClosesAt => WaveAvailability.Closed,
        _ when now < wave.OpensAt => WaveAvailability.NotYetOpen,
        _ => WaveAvailability.Open,
    };
}
