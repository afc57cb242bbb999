using Analytics.Core.Storage;

namespace Analytics.Core.Organisation;

/// <summary>A platform capability (CI, deploys, observability, …) a service has adopted.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="Capability">The capability, for example <c>ci</c>.</param>
/// <param name="AdoptedOn">The day it was adopted.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record ServiceCapability(
    string ServiceId,
    string Capability,
    DateOnly AdoptedOn,
    string Source) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "service_capabilities";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(ServiceId)
            .AppendValue(Capability)
            .AppendValue(AdoptedOn)
            .AppendValue(Source)
            .EndRow();
}
