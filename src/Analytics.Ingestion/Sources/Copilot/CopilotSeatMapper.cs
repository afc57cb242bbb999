using System.Globalization;
using System.Text.Json;
using Analytics.Core.Assistants;
using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Sources.Copilot;

/// <summary>
/// Maps a page of <c>GET /orgs/{org}/copilot/billing/seats</c> (<c>total_seats</c> and <c>seats</c>, each with
/// <c>created_at</c>, <c>pending_cancellation_date</c>, <c>last_activity_at</c> and <c>assignee.login</c>) to seats and
/// the day of each seat's last activity. A seat without an assignee login or a creation time is rejected alone.
/// </summary>
public static class CopilotSeatMapper
{
    /// <summary>The seats and activity days of one page, the seats refused, and how many seats the page had.</summary>
    public sealed record MappedSeats(IReadOnlyList<AiSeat> Seats, IReadOnlyList<AiSeatActivity> Activity, IReadOnlyList<RejectedRecord> Rejected, int Count);

    /// <summary>Maps a page.</summary>
    /// <exception cref="FormatException">The page is not JSON or has no <c>seats</c> array.</exception>
    public static MappedSeats Map(string body, string organisation)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new FormatException($"The Copilot seats page is not JSON: {error.Message}", error);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("seats", out var seats) || seats.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The Copilot seats page is not what the source documents: it has no seats array.");
            }

            var kept = new List<AiSeat>();
            var activity = new List<AiSeatActivity>();
            var rejected = new List<RejectedRecord>();
            foreach (var seat in seats.EnumerateArray())
            {
                var login = seat.TryGetProperty("assignee", out var assignee) && assignee.ValueKind == JsonValueKind.Object ? Text(assignee, "login") : null;
                var created = Instant(seat, "created_at");
                if (login is null || created is null)
                {
                    rejected.Add(new RejectedRecord($"{organisation} seat {login ?? "(no assignee)"}", seat.GetRawText(),
                        login is null ? "the seat has no assignee login." : "the seat has no created_at time."));
                    continue;
                }

                var lastActive = Instant(seat, "last_activity_at");
                var cancelled = Text(seat, "pending_cancellation_date") is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : (DateOnly?)null;
                kept.Add(new AiSeat(CopilotMetricsMapper.Assistant, login.ToLowerInvariant(), created.Value, cancelled, lastActive, CopilotMetricsMapper.Assistant));
                if (lastActive is { } at)
                {
                    activity.Add(new AiSeatActivity(CopilotMetricsMapper.Assistant, login.ToLowerInvariant(), DateOnly.FromDateTime(at.UtcDateTime), CopilotMetricsMapper.Assistant));
                }
            }

            return new MappedSeats(kept, activity, rejected, seats.GetArrayLength());
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;

    private static DateTimeOffset? Instant(JsonElement parent, string name) =>
        Text(parent, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime() : null;
}
