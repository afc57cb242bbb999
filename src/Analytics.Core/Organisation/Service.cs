using Analytics.Core.Storage;

namespace Analytics.Core.Organisation;

/// <summary>A deployable service and its place on the platform.</summary>
/// <param name="ServiceId">Natural key.</param>
/// <param name="Name">Display name.</param>
/// <param name="TeamId">Owning team.</param>
/// <param name="Repository">Source repository, <c>owner/name</c>.</param>
/// <param name="Lifecycle">production, experimental or deprecated.</param>
/// <param name="IsPlatformOwned">True for the platform's own repositories (for participatory adoption).</param>
/// <param name="OnboardedOn">The day the service moved onto the platform; null when it is not on it.</param>
/// <param name="GoldenPathTemplate">The golden-path template the service was created from.</param>
/// <param name="CreatedOn">The day the service was created.</param>
/// <param name="RetiredOn">The day the service was retired.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record Service(
    string ServiceId,
    string Name,
    string TeamId,
    string? Repository,
    string Lifecycle,
    bool IsPlatformOwned,
    DateOnly? OnboardedOn,
    string? GoldenPathTemplate,
    DateOnly? CreatedOn,
    DateOnly? RetiredOn,
    string Source) : IStoredRow, IStampedRow<Service>
{
    /// <inheritdoc />
    public static string Table => "services";

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public Service StampedAt(DateTimeOffset writtenAt) => this with { UpdatedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(ServiceId)
            .AppendValue(Name)
            .AppendValue(TeamId)
            .AppendValue(Repository)
            .AppendValue(Lifecycle)
            .AppendValue(IsPlatformOwned)
            .AppendValue(OnboardedOn)
            .AppendValue(GoldenPathTemplate)
            .AppendValue(CreatedOn)
            .AppendValue(RetiredOn)
            .AppendValue(Source)
            .AppendValue(UpdatedAt)
            .EndRow();
}
