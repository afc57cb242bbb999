using Analytics.Host.Web.Dashboards;
using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.GitLab;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>Links to the source system are built only from stored ids and repositories on hosts Pulse knows.</summary>
public sealed class SourceLinksTests
{
    private static readonly DateTimeOffset Time = new(2026, 8, 3, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("github:acme/payments#42", "github", "https://github.com/acme/payments/pull/42")]
    [InlineData("github:acme/payments@abc123", "github", "https://github.com/acme/payments/commit/abc123")]
    [InlineData("gitlab:acme/team/payments!7", "gitlab", "https://gitlab.com/acme/team/payments/-/merge_requests/7")]
    [InlineData("gitlab:acme/payments@abc123", "gitlab", "https://gitlab.com/acme/payments/-/commit/abc123")]
    public void A_change_from_a_source_links_to_its_pull_request_merge_request_or_commit(string id, string source, string url) =>
        Assert.Equal(new Uri(url), Links().Change(Change(id, source)));

    [Theory]
    [InlineData("github:acme/payments#42", "import")]
    [InlineData("chg-1", "github")]
    [InlineData("github:payments#42", "github")]
    [InlineData("github:acme/../x#42", "github")]
    [InlineData("github:acme/payments#4x", "github")]
    public void A_change_Pulse_cannot_place_has_no_link(string id, string source) =>
        Assert.Null(Links().Change(Change(id, source)));

    [Fact]
    public void Enterprise_hosts_come_from_the_sources_api_addresses_and_an_unknown_one_gives_no_link()
    {
        var enterprise = Links(gitHub: "https://ghe.example.com/api/v3/", gitLab: "https://git.example.com/api/v4/");
        var stub = Links(gitHub: "http://127.0.0.1:5999/");

        Assert.Equal(new Uri("https://ghe.example.com/acme/payments/pull/42"), enterprise.Change(Change("github:acme/payments#42", "github")));
        Assert.Equal(new Uri("https://git.example.com/acme/payments/-/commit/abc"), enterprise.Commit("gitlab", "acme/payments", "abc"));
        Assert.Null(stub.Commit("github", "acme/payments", "abc"));
    }

    [Fact]
    public void A_pagerduty_incident_links_only_when_the_account_address_is_configured()
    {
        var incident = new AttributedIncident("d1", "pagerduty:P1ABC", "Checkout down", "sev1", "payments", Time, null, "pagerduty", "inferred");

        Assert.Null(Links().Incident(incident));
        Assert.Equal(new Uri("https://acme.pagerduty.com/incidents/P1ABC"), Links(pagerDuty: "https://acme.pagerduty.com").Incident(incident));
        Assert.Null(Links(pagerDuty: "https://acme.pagerduty.com").Incident(incident with { Source = "import" }));
    }

    private static ShippedChange Change(string id, string source) =>
        new(id, "pull_request", "payments", "acme/payments", "A change", "abc123", Time, Time, Time, "d1", "sha", source, 1);

    private static SourceLinks Links(string gitHub = "https://api.github.com/", string gitLab = "https://gitlab.com/api/v4/", string? pagerDuty = null) =>
        new(Options.Create(new GitHubOptions { BaseUrl = new Uri(gitHub) }), Options.Create(new GitLabOptions { BaseUrl = new Uri(gitLab) }),
            Options.Create(new SourceLinkOptions { PagerDuty = pagerDuty is null ? null : new Uri(pagerDuty) }));
}
