using Analytics.Core.Storage;

namespace Analytics.Core.Assistants;

/// <summary>
/// A coding assistant's usage on one day, for a scope (a GitHub organisation, or an import's account), either the
/// day's totals (editor and language <see cref="All"/>) or one editor and language. Counts are of people or events
/// as the source reports them; a figure the source did not give is null.
/// </summary>
/// <param name="Assistant">The assistant, for example <c>copilot</c>.</param>
/// <param name="Scope">The organisation or account the figures cover.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Editor">The editor (IDE), or <see cref="All"/>.</param>
/// <param name="Language">The programming language, or <see cref="All"/>.</param>
/// <param name="ActiveUsers">People who used the assistant at all that day.</param>
/// <param name="EngagedUsers">People who engaged with a feature (accepted a suggestion, chatted, …).</param>
/// <param name="Suggestions">Code suggestions shown.</param>
/// <param name="Acceptances">Code suggestions accepted.</param>
/// <param name="LinesSuggested">Lines of code suggested.</param>
/// <param name="LinesAccepted">Lines of code accepted.</param>
/// <param name="ChatEngagedUsers">People who used chat.</param>
/// <param name="Chats">Chat conversations or turns.</param>
/// <param name="AgentEngagedUsers">People who used agent features (pull request work by the assistant).</param>
/// <param name="AgentUses">Agent actions (for Copilot: pull request summaries created).</param>
/// <param name="Source">Where the row came from.</param>
public sealed record AiUsageDay(
    string Assistant,
    string Scope,
    DateOnly Day,
    string Editor,
    string Language,
    long? ActiveUsers,
    long? EngagedUsers,
    long? Suggestions,
    long? Acceptances,
    long? LinesSuggested,
    long? LinesAccepted,
    long? ChatEngagedUsers,
    long? Chats,
    long? AgentEngagedUsers,
    long? AgentUses,
    string Source) : IStoredRow, IStampedRow<AiUsageDay>
{
    /// <summary>The editor and language of a day's totals.</summary>
    public const string All = "all";

    /// <inheritdoc />
    public static string Table => "ai_usage_daily";

    /// <summary>When the row was written (UTC).</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <inheritdoc />
    public AiUsageDay StampedAt(DateTimeOffset writtenAt) => this with { IngestedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(Assistant)
            .AppendValue(Scope)
            .AppendValue(Day)
            .AppendValue(Editor)
            .AppendValue(Language)
            .AppendValue(ActiveUsers)
            .AppendValue(EngagedUsers)
            .AppendValue(Suggestions)
            .AppendValue(Acceptances)
            .AppendValue(LinesSuggested)
            .AppendValue(LinesAccepted)
            .AppendValue(ChatEngagedUsers)
            .AppendValue(Chats)
            .AppendValue(AgentEngagedUsers)
            .AppendValue(AgentUses)
            .AppendValue(Source)
            .AppendValue(IngestedAt)
            .EndRow();
}
