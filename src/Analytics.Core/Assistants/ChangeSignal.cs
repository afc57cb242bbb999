using Analytics.Core.Storage;

namespace Analytics.Core.Assistants;

/// <summary>
/// Something a change carries that the AI-assisted rule reads besides its labels: a commit message trailer line
/// (<see cref="Trailer"/>) or the source's login of who opened it (<see cref="Author"/>, kept because an agent
/// account is no engineer and so has no author id).
/// </summary>
/// <param name="ChangeId">The change (a commit's signals belong to its own change row).</param>
/// <param name="Signal"><see cref="Trailer"/> or <see cref="Author"/>.</param>
/// <param name="Value">The trailer line, or the login.</param>
public sealed record ChangeSignal(string ChangeId, string Signal, string Value) : IStoredRow
{
    /// <summary>A commit message trailer, such as <c>Co-authored-by: Copilot &lt;…&gt;</c>.</summary>
    public const string Trailer = "trailer";

    /// <summary>The login of who opened the pull or merge request.</summary>
    public const string Author = "author";

    /// <inheritdoc />
    public static string Table => "change_signals";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) => row.AppendValue(ChangeId).AppendValue(Signal).AppendValue(Value).EndRow();
}
