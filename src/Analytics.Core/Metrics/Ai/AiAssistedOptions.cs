using System.Text.RegularExpressions;

namespace Analytics.Core.Metrics.Ai;

/// <summary>
/// When a change counts as AI-assisted, and when a team counts as having adopted an assistant (configuration section
/// <c>Pulse:Metrics:AiAssisted</c>). A change is AI-assisted when any rule matches: a commit trailer of it or of one
/// of its commits matches a <see cref="TrailerPatterns"/> pattern, it carries one of <see cref="Labels"/>, or its
/// author (engineer id, or the source's login) is one of <see cref="AgentLogins"/>.
/// </summary>
public sealed class AiAssistedOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Metrics:AiAssisted";

    // Lists default when unset rather than holding defaults: the configuration binder appends to an array it finds.
    private static readonly string[] DefaultTrailerPatterns = [@"^co-authored-by:.*(copilot|claude|cursor|codeium|tabnine|devin|aider|gemini|amazon q)"];
    private static readonly string[] DefaultLabels = ["ai-assisted", "copilot"];
    private static readonly string[] DefaultAgentLogins = ["copilot", "copilot-swe-agent[bot]", "devin-ai-integration[bot]"];

    /// <summary>
    /// Regular expressions matched case-insensitively anywhere in a trailer line, for example
    /// <c>^co-authored-by:.*copilot</c>. Unset: common assistants named in a <c>Co-authored-by:</c> trailer.
    /// </summary>
    public string[]? TrailerPatterns { get; set; }

    /// <summary>Labels (compared case-insensitively) that mark a change AI-assisted. Unset: ai-assisted, copilot.</summary>
    public string[]? Labels { get; set; }

    /// <summary>Accounts of coding agents (compared case-insensitively), whose pull requests are AI-assisted. Unset: Copilot's and Devin's agents.</summary>
    public string[]? AgentLogins { get; set; }

    /// <summary>Team id → the day it adopted an assistant; a team not listed has its adoption derived (see <see cref="AdoptionThreshold"/>).</summary>
    public Dictionary<string, DateOnly> AdoptionDates { get; set; } = [];

    /// <summary>A team not in <see cref="AdoptionDates"/> adopted in the first quarter its active ÷ licensed seats reached this share.</summary>
    public double AdoptionThreshold { get; set; } = 0.5;

    /// <summary>Quarters compared on each side of the adoption quarter (which itself is left out, being half and half).</summary>
    public int WindowQuarters { get; set; } = 2;

    /// <summary>Resamples of the bootstrap interval of the before/after estimate.</summary>
    public int BootstrapSamples { get; set; } = 2000;

    /// <summary>The bootstrap's seed, so the same data always gives the same interval.</summary>
    public int BootstrapSeed { get; set; } = 15;

    /// <summary>The trailer patterns as DuckDB reads them: case-insensitive.</summary>
    public IReadOnlyList<string> CaseInsensitivePatterns() => (TrailerPatterns ?? DefaultTrailerPatterns).Select(p => $"(?i){p}").ToList();

    /// <summary>The labels, lower case.</summary>
    public IReadOnlyList<string> LabelNames() => (Labels ?? DefaultLabels).Select(l => l.Trim().ToLowerInvariant()).ToList();

    /// <summary>The agent accounts, lower case.</summary>
    public IReadOnlyList<string> AgentNames() => (AgentLogins ?? DefaultAgentLogins).Select(l => l.Trim().ToLowerInvariant()).ToList();

    /// <summary>Throws with a message naming the setting when one is unusable.</summary>
    public void Validate()
    {
        foreach (var pattern in TrailerPatterns ?? DefaultTrailerPatterns)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"{Section}:TrailerPatterns has '{pattern}', which is not a regular expression: {error.Message}", error);
            }
        }

        if ((TrailerPatterns ?? []).Concat(Labels ?? []).Concat(AgentLogins ?? []).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{Section} has an empty trailer pattern, label or agent login; remove it or give a value.");
        }

        if (AdoptionThreshold is <= 0 or > 1)
        {
            throw new ArgumentException($"{Section}:AdoptionThreshold must be a share above 0 and at most 1 (got {AdoptionThreshold}).");
        }

        if (WindowQuarters is < 1 or > 8)
        {
            throw new ArgumentException($"{Section}:WindowQuarters must be 1 to 8 (got {WindowQuarters}).");
        }

        if (BootstrapSamples is < 100 or > 100_000)
        {
            throw new ArgumentException($"{Section}:BootstrapSamples must be 100 to 100000 (got {BootstrapSamples}).");
        }
    }
}
