using System.Globalization;
using Analytics.Core.Metrics;

namespace Analytics.Core.Surveys;

/// <summary>What every new wave must satisfy, however it is created (the admin pages or an import).</summary>
public static class SurveyWaveRules
{
    /// <summary>Longest wave name, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Why the wave cannot be created, in words for the person creating it, or null when it can. The name is
    /// checked as given, so trim it first.
    /// </summary>
    /// <param name="wave">The new wave.</param>
    /// <param name="questionCount">How many questions its survey has.</param>
    public static string? Problem(SurveyWave wave, int questionCount)
    {
        if (wave.Name.Length == 0)
        {
            return "Enter a wave name.";
        }

        if (wave.Name.Length > MaxNameLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The wave name is {wave.Name.Length:N0} characters long; keep it to {MaxNameLength:N0}.");
        }

        if (wave.ClosesAt <= wave.OpensAt)
        {
            return "The wave must close after it opens.";
        }

        if (wave.MinGroupSize < MetricsOptions.SmallestGroupSize)
        {
            return $"The smallest reported group (k) must be at least {MetricsOptions.SmallestGroupSize}, or answers could be traced to people.";
        }

        return questionCount == 0 ? "Add at least one question before creating a wave." : null;
    }
}
