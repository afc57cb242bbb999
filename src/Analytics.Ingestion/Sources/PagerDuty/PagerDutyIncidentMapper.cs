using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Analytics.Core.Incidents;

namespace Analytics.Ingestion.Sources.PagerDuty;

/// <summary>
/// Maps PagerDuty incidents (<c>GET /incidents</c>, offset pagination with <c>more</c>) to incidents. Severity
/// comes from the priority (P1 → sev1 …), else from urgency; a 40-hex-digit sha in the incident body is taken as
/// an explicit link to the change that caused it.
/// </summary>
public static partial class PagerDutyIncidentMapper
{
    /// <summary>One page of <c>GET /incidents</c>.</summary>
    public sealed record PagerDutyIncidentPage(
        [property: JsonPropertyName("incidents")] IReadOnlyList<PagerDutyIncident> Incidents,
        [property: JsonPropertyName("limit")] int Limit,
        [property: JsonPropertyName("offset")] int Offset,
        [property: JsonPropertyName("more")] bool More);

    /// <summary>An incident (only the fields Pulse reads).</summary>
    public sealed record PagerDutyIncident(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("service")] PagerDutyReference Service,
        [property: JsonPropertyName("urgency")] string? Urgency = null,
        [property: JsonPropertyName("resolved_at")] DateTimeOffset? ResolvedAt = null,
        [property: JsonPropertyName("last_status_change_at")] DateTimeOffset? LastStatusChangeAt = null,
        [property: JsonPropertyName("priority")] PagerDutyReference? Priority = null,
        [property: JsonPropertyName("body")] PagerDutyBody? Body = null);

    /// <summary>A reference to another PagerDuty object.</summary>
    public sealed record PagerDutyReference(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("summary")] string? Summary = null);

    /// <summary>The incident body.</summary>
    public sealed record PagerDutyBody([property: JsonPropertyName("details")] string? Details = null);

    /// <summary>Maps one incident; <paramref name="serviceByPagerDutyId"/> finds our service.</summary>
    public static Incident Map(PagerDutyIncident incident, IReadOnlyDictionary<string, string> serviceByPagerDutyId)
    {
        var severity = incident.Priority?.Summary?.ToUpperInvariant() switch
        {
            "P1" => "sev1",
            "P2" => "sev2",
            "P3" => "sev3",
            "P4" => "sev4",
            "P5" => "sev5",
            _ => incident.Urgency == "high" ? "sev2" : "sev4",
        };
        DateTimeOffset? resolved = incident.Status switch
        {
            "resolved" => incident.ResolvedAt ?? incident.LastStatusChangeAt,
            "triggered" or "acknowledged" => null,
            var other => throw new FormatException($"Incident {incident.Id} has an unknown status '{other}'."),
        };
        var cause = incident.Body?.Details is { } details ? Sha().Match(details) : Match.Empty;
        return new Incident($"pagerduty:{incident.Id}", serviceByPagerDutyId.GetValueOrDefault(incident.Service.Id), incident.Title, severity,
            incident.CreatedAt, null, resolved, null, cause.Success ? cause.Value : null, "pagerduty");
    }

    /// <summary>Reads a page.</summary>
    public static PagerDutyIncidentPage ReadPage(Stream json) => SourceJson.Read<PagerDutyIncidentPage>(json, "incidents page");

    [GeneratedRegex(@"\b[0-9a-f]{40}\b")]
    private static partial Regex Sha();
}
