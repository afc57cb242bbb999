using System.Globalization;

namespace Analytics.Host.Web.Dashboards;

/// <summary>How the dashboards write figures: invariant culture, units spelled out, "—" where there is none.</summary>
public static class Format
{
    /// <summary>Shown where a figure is missing.</summary>
    public const string None = "—";

    /// <summary>A rate per day, e.g. "3.42".</summary>
    public static string Rate(double value) => value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>Hours, e.g. "18.5 h", or days past 72 hours ("4.1 d").</summary>
    public static string Hours(double value) => value >= 72
        ? (value / 24).ToString("0.0", CultureInfo.InvariantCulture) + " d"
        : value.ToString(value >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture) + " h";

    /// <summary>Days, e.g. "12 days".</summary>
    public static string Days(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " days";

    /// <summary>A share from 0 to 1 as a percentage, e.g. "12.5%".</summary>
    public static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The relative change from <paramref name="before"/> to <paramref name="now"/>, e.g. "+12%".</summary>
    public static string RelativeChange(double now, double before) =>
        before == 0 ? Format.None : ((now - before) / before).ToString("+0%;−0%;0%", CultureInfo.InvariantCulture);

    /// <summary>A difference in points, e.g. NPS "−3 pts".</summary>
    public static string Points(double difference) => difference.ToString("+0.#;−0.#;0", CultureInfo.InvariantCulture) + " pts";

    /// <summary>The difference of two shares (0 to 1) in percentage points, e.g. "+2.5 pts".</summary>
    public static string SharePoints(double difference) => Points(100 * difference);

    /// <summary>A figure that may be missing.</summary>
    public static string Or(double? value, Func<double, string> format) => value is { } v && !double.IsNaN(v) ? format(v) : None;

    /// <summary>A platform capability's name, e.g. "ci" as "CI"; an unknown one in words.</summary>
    public static string Capability(string identifier) => identifier switch
    {
        "ci" => "CI",
        "deploys" => "Deployments",
        _ => Words(identifier),
    };

    /// <summary>A survey dimension's name, e.g. "csat" as "Satisfaction", "cognitive_load" as "Cognitive load".</summary>
    public static string Dimension(string identifier) => identifier switch
    {
        "csat" => "Satisfaction",
        _ => Words(identifier),
    };

    /// <summary>An identifier in words, e.g. "cognitive_load" as "Cognitive load".</summary>
    public static string Words(string identifier) =>
        identifier.Length == 0 ? identifier : char.ToUpperInvariant(identifier[0]) + identifier[1..].Replace('_', ' ');
}
