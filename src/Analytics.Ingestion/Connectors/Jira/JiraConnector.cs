using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources.Jira;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Connectors.Jira;

/// <summary>
/// Pulls Jira Cloud issues updated since the watermark less an overlap (<c>POST /rest/api/3/search/jql</c>, oldest
/// change first, paged with <c>nextPageToken</c>) and stores them as work items, kinds mapped by the configured
/// rules. The watermark is the latest <c>updated</c> time seen, saved in the same transaction as the issues.
/// </summary>
public sealed class JiraConnector(HttpClient client, IOptions<JiraOptions> options, TimeProvider clock) : ISourceConnector
{
    private const string Source = "jira";
    private const string Stream = "issues";

    private static readonly string[] Fields =
        ["summary", "issuetype", "project", "labels", "status", "created", "updated", "resolutiondate", "customfield_10010", "customfield_10020", "customfield_10001"];

    /// <inheritdoc />
    public string Name => Source;

    /// <inheritdoc />
    public string? MissingSetting => string.IsNullOrEmpty(options.Value.Email) || string.IsNullOrEmpty(options.Value.ApiToken)
        ? "Jira has no credentials: set Pulse:Sources:Jira:Email and Pulse:Sources:Jira:ApiToken (or Pulse__Sources__Jira__ApiToken)."
        : null;

    /// <inheritdoc />
    public async Task<ImportResult> SyncAsync(PulseConnection connection, string trigger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (MissingSetting is { } missing)
        {
            throw new SourceRequestException(missing);
        }

        var (since, newest) = Watermarks.Window(connection, Source, Stream, clock.GetUtcNow(), settings.FirstSyncDays, settings.OverlapHours);
        var jql = string.Create(CultureInfo.InvariantCulture, $"({settings.Jql}) AND updated >= \"{since.UtcDateTime:yyyy-MM-dd HH:mm}\" ORDER BY updated ASC");
        var teams = connection.Query<(string Id, string Name)>(SqlQueries.Get("ingestion/team_names")).ToList();
        var teamByProject = connection.Query<(string Project, string Team)>(SqlQueries.Get("ingestion/team_by_jira_project"))
            .GroupBy(p => p.Project, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Team, StringComparer.OrdinalIgnoreCase);
        foreach (var (project, team) in settings.ProjectTeams)
        {
            teamByProject[project] = team;
        }

        string? TeamByName(string? name) => teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase)).Id;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Email}:{settings.ApiToken}"));
        var http = new SourceHttp(client);
        var entity = ImportableEntities.All["work_items"];
        var batch = new IngestionBatch(Source, trigger, clock);
        return await batch.RunAsync(connection, async () =>
        {
            string? token = null;
            do
            {
                var pageToken = token;
                var page = await http.GetPageAsync(() => Request(settings.BaseUrl, credentials, jql, pageToken), "Jira", cancellationToken);
                var (issues, next) = JiraIssueMapper.ReadSearchPage(new MemoryStream(Encoding.UTF8.GetBytes(page.Body)));
                foreach (var issue in issues)
                {
                    try
                    {
                        batch.AddMapped(entity, JiraIssueMapper.Map(issue, teamByProject, TeamByName, settings.Kinds));
                        newest = JiraIssueMapper.Updated(issue) is { } updated && updated > newest ? updated : newest;
                    }
                    catch (FormatException error)
                    {
                        batch.Reject(entity.Name, new RejectedRecord($"issue {issue["key"]}", issue.ToJsonString(), error.Message));
                    }
                }

                token = issues.Count == 0 ? null : next;
            }
            while (token is not null);

            return inTransaction => Watermarks.Save(inTransaction, Source, new Dictionary<string, DateTimeOffset> { [Stream] = newest }, clock.GetUtcNow());
        });
    }

    private static HttpRequestMessage Request(Uri baseUrl, string credentials, string jql, string? nextPageToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "rest/api/3/search/jql"))
        {
            Content = JsonContent.Create(new { jql, fields = Fields, maxResults = 100, nextPageToken }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Basic {credentials}");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }
}
