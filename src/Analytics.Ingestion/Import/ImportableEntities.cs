using Analytics.Core.Delivery;
using Analytics.Core.Incidents;
using Analytics.Core.Organisation;
using Analytics.Core.WorkItems;

namespace Analytics.Ingestion.Import;

/// <summary>
/// The entities <c>analytics import</c> accepts. Field names are the table's column names (docs/data-model.md);
/// times need an explicit zone; lists are JSON arrays or ';'-separated in CSV.
/// </summary>
public static class ImportableEntities
{
    private static readonly string[] DeploymentStatuses = ["success", "failure", "error", "in_progress", "cancelled"];
    private static readonly string[] ChangeKinds = ["pull_request", "merge_request", "commit"];
    private static readonly string[] Severities = ["sev1", "sev2", "sev3", "sev4", "sev5"];
    private static readonly string[] WorkItemKinds = ["bug", "feature", "incident", "rework", "support_request", "task"];

    /// <summary>Every importable entity, by name.</summary>
    public static readonly IReadOnlyDictionary<string, ImportableEntity> All = new[]
    {
        ImportableEntity.Of("teams", ["team_id", "name", "parent_team_id", "is_platform_team", "time_zone"], (f, source) =>
            new Team(f.Required("team_id"), f.Required("name"), f.Optional("parent_team_id"), f.Flag("is_platform_team"), f.Optional("time_zone") ?? "UTC", source)),
        ImportableEntity.Of("services", ["service_id", "name", "team_id", "repository", "lifecycle", "is_platform_owned", "onboarded_on", "golden_path_template", "created_on", "retired_on"], (f, source) =>
            new Service(f.Required("service_id"), f.Optional("name") ?? f.Required("service_id"), f.Required("team_id"), f.Optional("repository"), f.Optional("lifecycle") ?? "production",
                f.Flag("is_platform_owned"), f.Day("onboarded_on"), f.Optional("golden_path_template"), f.Day("created_on"), f.Day("retired_on"), source)),
        ImportableEntity.Of("engineers", ["engineer_id", "display_name", "email", "scm_login", "team_id", "start_date", "end_date"], (f, source) =>
            new Engineer(f.Required("engineer_id"), f.Required("display_name"), f.Optional("email"), f.Optional("scm_login"), f.Required("team_id"),
                f.Day("start_date") ?? throw new FormatException("field 'start_date' is missing or empty."), f.Day("end_date"), source)),
        ImportableEntity.Of("deployments", ["deployment_id", "service_id", "environment", "sha", "started_at", "finished_at", "status", "is_rollback", "is_hotfix", "via_platform", "deployed_by"], (f, source) =>
        {
            var started = f.RequiredInstant("started_at");
            return new Deployment(f.Required("deployment_id"), f.Required("service_id"), f.Required("environment"), f.Optional("sha"), started,
                f.InstantNotBefore("finished_at", started, "started_at"), f.OneOf("status", DeploymentStatuses), f.Flag("is_rollback"), f.Flag("is_hotfix"),
                f.Flag("via_platform", fallback: true), f.Optional("deployed_by"), source);
        }, dropOlderEventsQuery: "ingestion/drop_older_deployment_events"),
        ImportableEntity.Of("changes", ["change_id", "kind", "parent_change_id", "service_id", "repository", "author_id", "title", "labels", "first_commit_at", "opened_at", "first_review_at", "merged_at", "sha", "deployment_id"], (f, source) =>
            new Change(f.Required("change_id"), f.OneOf("kind", ChangeKinds), f.Optional("parent_change_id"), f.Required("service_id"), f.Optional("repository"), f.Optional("author_id"),
                f.Optional("title"), f.List("labels"), f.Instant("first_commit_at"), f.Instant("opened_at"), f.Instant("first_review_at"), f.Instant("merged_at"), f.Optional("sha"),
                f.Optional("deployment_id"), source)),
        ImportableEntity.Of("incidents", ["incident_id", "service_id", "title", "severity", "opened_at", "acknowledged_at", "resolved_at", "caused_by_deployment_id", "caused_by_sha"], (f, source) =>
            new Incident(f.Required("incident_id"), f.Optional("service_id"), f.Required("title"), f.OneOf("severity", Severities), f.RequiredInstant("opened_at"), f.Instant("acknowledged_at"),
                f.Instant("resolved_at"), f.Optional("caused_by_deployment_id"), f.Optional("caused_by_sha"), source)),
        ImportableEntity.Of("work_items", ["work_item_id", "project", "kind", "title", "labels", "team_id", "requester_team_id", "request_category", "status", "created_at", "first_response_at", "resolved_at"], (f, source) =>
            new WorkItem(f.Required("work_item_id"), f.Required("project"), f.OneOf("kind", WorkItemKinds), f.Required("title"), f.List("labels"), f.Optional("team_id"),
                f.Optional("requester_team_id"), f.Optional("request_category"), f.Required("status"), f.RequiredInstant("created_at"), f.Instant("first_response_at"), f.Instant("resolved_at"), source)),
        AiImportableEntities.Usage,
        AiImportableEntities.Seats,
        AiImportableEntities.SeatActivity,
    }.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
}
