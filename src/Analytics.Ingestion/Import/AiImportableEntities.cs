using Analytics.Core.Assistants;

namespace Analytics.Ingestion.Import;

/// <summary>
/// The AI-assistant entities: <c>ai_usage</c> (daily figures of any assistant, named in the <c>assistant</c> column),
/// <c>ai_seats</c> and <c>ai_seat_activity</c>, importable from files as Copilot's connector stores them, and
/// <c>change_signals</c>, which only connectors write.
/// </summary>
public static class AiImportableEntities
{
    /// <summary>A day of an assistant's usage; editor and language default to <c>all</c> (the day's totals).</summary>
    public static readonly ImportableEntity Usage = ImportableEntity.Of("ai_usage",
        ["assistant", "scope", "day", "editor", "language", "active_users", "engaged_users", "suggestions", "acceptances", "lines_suggested", "lines_accepted",
         "chat_engaged_users", "chats", "agent_engaged_users", "agent_uses"], (f, source) =>
        {
            var suggestions = f.Count("suggestions");
            var acceptances = f.Count("acceptances");
            if (acceptances > suggestions)
            {
                throw new FormatException($"field 'acceptances' is {acceptances}, more than 'suggestions' ({suggestions}).");
            }

            return new AiUsageDay(f.Required("assistant").ToLowerInvariant(), f.Optional("scope") ?? "organisation",
                f.Day("day") ?? throw new FormatException("field 'day' is missing or empty."),
                f.Optional("editor")?.ToLowerInvariant() ?? AiUsageDay.All, f.Optional("language")?.ToLowerInvariant() ?? AiUsageDay.All,
                f.Count("active_users"), f.Count("engaged_users"), suggestions, acceptances, f.Count("lines_suggested"), f.Count("lines_accepted"),
                f.Count("chat_engaged_users"), f.Count("chats"), f.Count("agent_engaged_users"), f.Count("agent_uses"), source);
        });

    /// <summary>A licensed seat.</summary>
    public static readonly ImportableEntity Seats = ImportableEntity.Of("ai_seats", ["assistant", "login", "assigned_at", "cancelled_on", "last_activity_at"], (f, source) =>
        new AiSeat(f.Required("assistant").ToLowerInvariant(), f.Required("login").ToLowerInvariant(), f.RequiredInstant("assigned_at"), f.Day("cancelled_on"),
            f.Instant("last_activity_at"), source));

    /// <summary>A day a seat's holder was active.</summary>
    public static readonly ImportableEntity SeatActivity = ImportableEntity.Of("ai_seat_activity", ["assistant", "login", "day"], (f, source) =>
        new AiSeatActivity(f.Required("assistant").ToLowerInvariant(), f.Required("login").ToLowerInvariant(),
            f.Day("day") ?? throw new FormatException("field 'day' is missing or empty."), source));

    /// <summary>Commit trailers and author logins of changes, written by the GitHub connector.</summary>
    public static readonly ImportableEntity ChangeSignals = ImportableEntity.StoredOnly<ChangeSignal>("change_signals");
}
