namespace Analytics.Core.Metrics;

/// <summary>The length of the periods a metric is reported per.</summary>
public enum PeriodGrain
{
    /// <summary>Weeks starting on Monday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar quarters.</summary>
    Quarter,

    /// <summary>The whole range asked for, as one period starting on its first day.</summary>
    Range,
}
