using Analytics.Core.Storage;

namespace Analytics.Core.Organisation;

/// <summary>A team: owns services and engineers.</summary>
/// <param name="TeamId">Natural key, a slug such as <c>payments</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="ParentTeamId">The group the team belongs to, if any.</param>
/// <param name="IsPlatformTeam">True for the team that runs the platform.</param>
/// <param name="TimeZone">IANA time zone for the team's weeks and days.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record Team(
    string TeamId,
    string Name,
    string? ParentTeamId,
    bool IsPlatformTeam,
    string TimeZone,
    string Source) : IStoredRow, IStampedRow<Team>
{
    /// <inheritdoc />
    public static string Table => "teams";

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public Team StampedAt(DateTimeOffset writtenAt) => this with { UpdatedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(TeamId)
            .AppendValue(Name)
            .AppendValue(ParentTeamId)
            .AppendValue(IsPlatformTeam)
            .AppendValue(TimeZone)
            .AppendValue(Source)
            .AppendValue(UpdatedAt)
            .EndRow();
}
