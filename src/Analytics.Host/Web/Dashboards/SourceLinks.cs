using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.GitLab;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Links to a record in the system it came from, built only from what Pulse stores (a source, its own id, a
/// catalogued repository and a commit) and hosts it knows: GitHub and GitLab from their sources' API addresses
/// (<c>api.github.com</c> means github.com, <c>…/api/v3/</c> GitHub Enterprise, <c>…/api/v4/</c> GitLab), PagerDuty
/// from <see cref="SourceLinkOptions.PagerDuty"/>. Anything else (imported rows, unknown shapes or hosts) gets no link.
/// </summary>
public sealed class SourceLinks(IOptions<GitHubOptions> gitHub, IOptions<GitLabOptions> gitLab, IOptions<SourceLinkOptions> links)
{
    private readonly Uri? _gitHub = WebRoot(gitHub.Value.BaseUrl, "api/v3/");
    private readonly Uri? _gitLab = WebRoot(gitLab.Value.BaseUrl, "api/v4/");

    /// <summary>A commit of a catalogued repository (GitHub <c>owner/name</c>, GitLab <c>group/…/project</c>).</summary>
    public Uri? Commit(string source, string? repository, string? sha)
    {
        if (sha is not { Length: > 0 } || repository is null || !IsRepository(repository))
        {
            return null;
        }

        return source switch
        {
            "github" when _gitHub is not null && repository.Count(c => c == '/') == 1 => new Uri(_gitHub, $"{Path(repository)}/commit/{Uri.EscapeDataString(sha)}"),
            "gitlab" when _gitLab is not null => new Uri(_gitLab, $"{Path(repository)}/-/commit/{Uri.EscapeDataString(sha)}"),
            _ => null,
        };
    }

    /// <summary>A change by the id its source gave it: <c>github:owner/name#12</c>, <c>gitlab:group/project!12</c>, or a commit <c>…@sha</c>.</summary>
    public Uri? Change(ShippedChange change)
    {
        var prefix = change.Source + ":";
        if (change.Source is not ("github" or "gitlab") || !change.ChangeId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = change.ChangeId[prefix.Length..];
        var request = change.Source == "github" ? '#' : '!';
        var at = id.LastIndexOf(request);
        if (at > 0 && int.TryParse(id[(at + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && IsRepository(id[..at]))
        {
            var repository = id[..at];
            return change.Source == "github"
                ? _gitHub is not null && repository.Count(c => c == '/') == 1 ? new Uri(_gitHub, $"{Path(repository)}/pull/{number}") : null
                : _gitLab is not null ? new Uri(_gitLab, $"{Path(repository)}/-/merge_requests/{number}") : null;
        }

        at = id.LastIndexOf('@');
        return at > 0 ? Commit(change.Source, id[..at], id[(at + 1)..]) : null;
    }

    /// <summary>A PagerDuty incident (<c>pagerduty:ID</c>), when the account's web address is configured.</summary>
    public Uri? Incident(AttributedIncident incident) =>
        links.Value.PagerDuty is { } account && incident.Source == "pagerduty" && incident.IncidentId.StartsWith("pagerduty:", StringComparison.Ordinal)
            ? new Uri(account, $"/incidents/{Uri.EscapeDataString(incident.IncidentId["pagerduty:".Length..])}")
            : null;

    private static bool IsRepository(string? repository) =>
        repository is { Length: > 0 } && !repository.Contains(':', StringComparison.Ordinal) && !repository.StartsWith('/') && !repository.EndsWith('/')
        && repository.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    private static string Path(string repository) => string.Join('/', repository.Split('/').Select(Uri.EscapeDataString));

    // The web address of a host from its API's: api.host/ → host/, host/…/api/vN/ → host/…/; anything else is unknown.
    private static Uri? WebRoot(Uri api, string apiPath)
    {
        if (api.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && api.AbsolutePath == "/")
        {
            return new Uri($"{api.Scheme}://{api.Host[4..]}/");
        }

        var path = api.AbsolutePath.EndsWith('/') ? api.AbsolutePath : api.AbsolutePath + "/";
        return path.EndsWith("/" + apiPath, StringComparison.Ordinal)
            ? new Uri(api, path[..^apiPath.Length])
            : null;
    }
}
