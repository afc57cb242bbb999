using Analytics.Core.Storage;

namespace Analytics.Core.Organisation;

/// <summary>An engineer, their team and start date.</summary>
/// <param name="EngineerId">Natural key.</param>
/// <param name="DisplayName">Name shown to admins only.</param>
/// <param name="Email">Work e-mail.</param>
/// <param name="ScmLogin">Login on GitHub or GitLab, used to attribute deployments and changes.</param>
/// <param name="TeamId">Current team.</param>
/// <param name="StartDate">First day at the company.</param>
/// <param name="EndDate">Last day, if they left.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record Engineer(
    string EngineerId,
    string DisplayName,
    string? Email,
    string? ScmLogin,
    string TeamId,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Source) : IStoredRow, IStampedRow<Engineer>
{
    /// <inheritdoc />
    public static string Table => "engineers";

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public Engineer StampedAt(DateTimeOffset writtenAt) => this with { UpdatedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(EngineerId)
            .AppendValue(DisplayName)
            .AppendValue(Email)
            .AppendValue(ScmLogin)
            .AppendValue(TeamId)
            .AppendValue(StartDate)
            .AppendValue(EndDate)
            .AppendValue(Source)
            .AppendValue(UpdatedAt)
            .EndRow();
}
