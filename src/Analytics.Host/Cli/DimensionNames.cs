namespace Analytics.Host.Cli;

/// <summary>Survey dimensions, capabilities and categories in words for the terminal ("cognitive_load" is "Cognitive load").</summary>
internal static class DimensionNames
{
    /// <summary>The name of a DevEx dimension; a custom one is its identifier in words.</summary>
    public static string Of(string dimension) => dimension switch
    {
        "feedback_loops" => "Feedback loops",
        "cognitive_load" => "Cognitive load",
        "flow" => "Flow state",
        "csat" => "Satisfaction (CSAT)",
        "journey" => "Path to production",
        _ => Words(dimension),
    };

    /// <summary>An identifier in words: "secrets_manager" is "Secrets manager".</summary>
    public static string Words(string identifier) =>
        identifier.Length == 0 ? identifier : char.ToUpperInvariant(identifier[0]) + identifier[1..].Replace('_', ' ').Replace('-', ' ');
}
