using System.Text;
using System.Text.Json.Nodes;
using Analytics.Ingestion.Sources.Catalog;
using Analytics.Ingestion.Sources.GitHub;
using Analytics.Ingestion.Sources.Jira;
using Analytics.Ingestion.Sources.PagerDuty;

namespace Analytics.Ingestion.Tests.Sources;

public sealed class SourceMapperBadInputTests
{
    private static readonly Func<string?, string?> NoEngineers = _ => null;
    private static readonly DateTimeOffset At = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GitHub_deployment_takes_its_newest_status()
    {
        var deployment = new GitHubDeploymentMapper.GitHubDeployment(7, "abc", "Prod", DateTimeOffset.Parse("2026-01-01T10:00:00Z"), new("ada"), null);
        var statuses = new List<GitHubDeploymentMapper.GitHubDeploymentStatus>
        {
            new(2, "failure", DateTimeOffset.Parse("2026-01-01T10:09:00Z")),
            new(1, "in_progress", DateTimeOffset.Parse("2026-01-01T10:01:00Z")),
        };
        var mapped = GitHubDeploymentMapper.Map("svc", deployment, statuses, login => login == "ada" ? "eng-1" : null);
        // The name stays as the source spells it: production names are mapped for every source when stored.
        Assert.Equal(("github:7", "Prod", "failure", "eng-1"), (mapped.DeploymentId, mapped.Environment, mapped.Status, mapped.DeployedBy));
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T10:09:00Z"), mapped.FinishedAt);
    }

    [Fact]
    public void GitHub_unknown_status_state_is_named()
    {
        var deployment = new GitHubDeploymentMapper.GitHubDeployment(7, "abc", "production", At, null, true);
        var error = Assert.Throws<FormatException>(() => GitHubDeploymentMapper.Map("svc", deployment, [new(1, "exploded", At.AddMinutes(9))], NoEngineers));
        Assert.Contains("unknown status state 'exploded'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_page_missing_a_required_field_is_refused()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""[{"id": 1, "environment": "production", "created_at": "2026-01-01T00:00:00Z"}]"""));
        var error = Assert.Throws<FormatException>(() => GitHubDeploymentMapper.ReadDeployments(json));
        Assert.Contains("sha", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_JSON_page_is_refused()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{"incidents": [{"id": "Q1", """));
        var error = Assert.Throws<FormatException>(() => PagerDutyIncidentMapper.ReadPage(json));
        Assert.StartsWith("The incidents page is not what the source documents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jira_timestamps_with_an_offset_are_read_and_without_a_zone_refused()
    {
        var issue = JiraIssue("2026-03-04T10:15:30.000+0100");
        var item = JiraIssueMapper.Map(issue, new Dictionary<string, string> { ["PAY"] = "payments" }, _ => null);
        Assert.Equal(DateTimeOffset.Parse("2026-03-04T09:15:30Z"), item.CreatedAt);
        Assert.Equal(("jira:PAY-1", "bug", "payments"), (item.WorkItemId, item.Kind, item.TeamId));

        var error = Assert.Throws<FormatException>(() => JiraIssueMapper.Map(JiraIssue("2026-03-04T10:15:30.000"), new Dictionary<string, string>(), _ => null));
        Assert.Contains("is not a Jira timestamp with a zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jira_issue_type_without_a_kind_is_named()
    {
        var issue = JiraIssue("2026-03-04T10:15:30.000+0000", type: "Spike");
        var error = Assert.Throws<FormatException>(() => JiraIssueMapper.Map(issue, new Dictionary<string, string>(), _ => null));
        Assert.Contains("issue type 'Spike'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jira_rework_label_wins_over_the_issue_type()
    {
        var issue = JiraIssue("2026-03-04T10:15:30.000+0000", labels: ["rework"]);
        Assert.Equal("rework", JiraIssueMapper.Map(issue, new Dictionary<string, string>(), _ => null).Kind);
    }

    [Fact]
    public void PagerDuty_unknown_status_is_named_and_priority_sets_severity()
    {
        var incident = new PagerDutyIncidentMapper.PagerDutyIncident("Q1", "Down", "resolved", At.AddHours(-2), new("PX", "svc"),
            Urgency: "low", ResolvedAt: At, Priority: new("P", "P1"), Body: new("root cause 0123456789abcdef0123456789abcdef01234567"));
        var mapped = PagerDutyIncidentMapper.Map(incident, new Dictionary<string, string> { ["PX"] = "svc" });
        Assert.Equal(("sev1", "svc", "0123456789abcdef0123456789abcdef01234567"), (mapped.Severity, mapped.ServiceId, mapped.CausedBySha));

        var error = Assert.Throws<FormatException>(() => PagerDutyIncidentMapper.Map(incident with { Status = "snoozed" }, new Dictionary<string, string>()));
        Assert.Contains("unknown status 'snoozed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backstage_user_without_a_start_date_is_refused()
    {
        const string yaml = """
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata:
              name: ada
            spec:
              memberOf: [payments]
            """;
        var error = Assert.Throws<FormatException>(() => BackstageCatalogReader.Read(new StringReader(yaml)));
        Assert.Equal("User ada has no pulse.dev/start-date annotation.", error.Message);
    }

    [Fact]
    public void Backstage_bad_capability_date_is_named()
    {
        const string yaml = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: api
              annotations:
                pulse.dev/capabilities: ci=last-tuesday
            spec:
              type: service
              owner: group:default/payments
            """;
        var error = Assert.Throws<FormatException>(() => BackstageCatalogReader.Read(new StringReader(yaml)));
        Assert.Contains("'ci=last-tuesday' is not capability=YYYY-MM-DD", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject JiraIssue(string created, string type = "Bug", string[]? labels = null) => new()
    {
        ["key"] = "PAY-1",
        ["fields"] = new JsonObject
        {
            ["summary"] = "Crash",
            ["issuetype"] = new JsonObject { ["name"] = type },
            ["project"] = new JsonObject { ["key"] = "PAY" },
            ["status"] = new JsonObject { ["name"] = "Done" },
            ["labels"] = new JsonArray((labels ?? []).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
            ["created"] = created,
        },
    };
}
