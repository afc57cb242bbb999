using System.Text.RegularExpressions;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Surveys.Ratings;

/// <summary>
/// In-the-moment ratings: one 0–10 "how was this?" score for a platform capability, given right after using it
/// from a short link or a JSON call. Anonymous by design: only the capability, the score, the team when known, a
/// short context (for example "deploy") and the time are kept.
/// </summary>
public sealed partial class MomentRatings(PulseDatabase database, SurveyStore store, TimeProvider clock)
{
    /// <summary>Longest context kept.</summary>
    public const int ContextLimit = 100;

    /// <summary>Longest team id accepted (team ids are short slugs).</summary>
    public const int TeamLimit = 100;

    /// <summary>
    /// Checks and stores a rating; throws <see cref="ArgumentException"/> naming what is wrong. A team that does
    /// not exist is left out rather than refused, so an anonymous caller cannot learn which teams exist.
    /// </summary>
    public async Task<Guid> RecordAsync(string capability, int? score, string? teamId, string? context, CancellationToken cancellationToken)
    {
        if (!CapabilityPattern().IsMatch(capability))
        {
            throw new ArgumentException($"'{Shorten(capability)}' is not a capability name: use 1–40 lower-case letters, digits, '-' or '_'.");
        }

        if (score is not (>= 0 and <= 10))
        {
            throw new ArgumentException(score is null ? "Give a score from 0 to 10." : $"The score must be from 0 to 10, not {score}.");
        }

        teamId = string.IsNullOrWhiteSpace(teamId) ? null : teamId.Trim();
        if (teamId is { Length: > TeamLimit })
        {
            throw new ArgumentException($"The team is {teamId.Length} characters long; keep it to {TeamLimit}.");
        }

        if (teamId is not null && await store.TeamAsync(teamId, cancellationToken) is null)
        {
            teamId = null;
        }

        context = string.IsNullOrWhiteSpace(context) ? null : context.Trim();
        if (context is { Length: > ContextLimit })
        {
            throw new ArgumentException($"The context is {context.Length} characters long; keep it to {ContextLimit}.");
        }

        var ratingId = Guid.NewGuid();
        using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("surveys/insert_rating"),
            new { rating_id = ratingId, capability, score, team_id = teamId, context, rated_at = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        return ratingId;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex CapabilityPattern();
}
