using Analytics.Core.Organisation;

namespace Analytics.Ingestion.Sources.Catalog;

/// <summary>
/// The organisation as a catalog describes it, plus the cross-references other sources need: which service a
/// repository, PagerDuty service or Jira project belongs to, and which engineer a login is.
/// </summary>
public sealed record CatalogSnapshot(
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Service> Services,
    IReadOnlyList<ServiceCapability> Capabilities,
    IReadOnlyList<Engineer> Engineers,
    IReadOnlyDictionary<string, string> ServiceByRepository,
    IReadOnlyDictionary<string, string> ServiceByPagerDutyId,
    IReadOnlyDictionary<string, string> TeamByJiraProject)
{
    /// <summary>The engineer id for an SCM login, if the catalog knows it.</summary>
    public string? EngineerByLogin(string? login) =>
        login is null ? null : Engineers.FirstOrDefault(e => string.Equals(e.ScmLogin, login, StringComparison.OrdinalIgnoreCase))?.EngineerId;

    /// <summary>The team id for a team id or display name, if the catalog knows it.</summary>
    public string? TeamByName(string? name) =>
        name is null ? null : Teams.FirstOrDefault(t => string.Equals(t.TeamId, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))?.TeamId;
}
