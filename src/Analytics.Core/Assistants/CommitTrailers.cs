using System.Text.RegularExpressions;

namespace Analytics.Core.Assistants;

/// <summary>
/// Reads git trailers from a commit message: the lines of its last paragraph when every line there is
/// <c>Token: value</c> (as <c>git interpret-trailers</c> finds them), such as <c>Co-authored-by: …</c>.
/// </summary>
public static partial class CommitTrailers
{
    /// <summary>The trailer lines, trimmed; none when the message has no trailer paragraph.</summary>
    public static IReadOnlyList<string> Of(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return [];
        }

        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split("\n\n");
        if (paragraphs.Length < 2)
        {
            return [];
        }

        var lines = paragraphs[^1].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length > 0 && lines.All(l => Trailer().IsMatch(l)) ? lines : [];
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*:\s*\S")]
    private static partial Regex Trailer();
}
