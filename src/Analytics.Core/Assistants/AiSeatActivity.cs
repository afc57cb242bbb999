using Analytics.Core.Storage;

namespace Analytics.Core.Assistants;

/// <summary>A day on which a seat's holder was seen using the assistant.</summary>
/// <param name="Assistant">The assistant.</param>
/// <param name="Login">The holder's login at the source.</param>
/// <param name="Day">The UTC day of the activity.</param>
/// <param name="Source">Where the row came from.</param>
public sealed record AiSeatActivity(string Assistant, string Login, DateOnly Day, string Source) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "ai_seat_activity";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row.AppendValue(Assistant).AppendValue(Login).AppendValue(Day).AppendValue(Source).EndRow();
}
