using System.Globalization;
using Analytics.Core.Delivery;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Ingestion.Sources.Catalog;
using Analytics.Ingestion.Sources.GitHub;
using Analytics.Ingestion.Sources.Jira;
using Analytics.Ingestion.Sources.PagerDuty;
using Analytics.Ingestion.Sources.Surveys;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Analytics.Ingestion.DemoData;

/// <summary>
/// Loads the demo organisation from <c>data-samples/</c>: a Backstage catalog, GitHub deployments and pull
/// requests, PagerDuty incidents, Jira issues and two survey exports, all in their sources' own shapes. Everything
/// is written in one transaction, then changes and incidents are linked to deployments. Each demo source is
/// recorded as one finished run (source <c>&lt;name&gt; (demo data)</c>, trigger <c>import</c>) with the rows it
/// loaded, so data health shows where the data came from; the suffix keeps these runs apart from real syncs.
/// </summary>
public sealed partial class DemoDataLoader(ILogger<DemoDataLoader> logger, TimeProvider clock)
{
    /// <summary>Loads the folder into the database.</summary>
    public async Task<ActivityCounts> LoadAsync(PulseConnection connection, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The demo data folder {folder} does not exist.");
        }

        using var catalogText = File.OpenText(Path.Combine(folder, "catalog", "catalog-info.yaml"));
        var catalog = BackstageCatalogReader.Read(catalogText);
        var deployments = new List<Deployment>();
        var changes = new List<Change>();
        foreach (var service in catalog.Services)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadGitHub(Path.Combine(folder, "github", service.ServiceId), service.ServiceId, service.Repository ?? service.ServiceId, catalog, deployments, changes);
        }

        var incidents = Directory.EnumerateFiles(Path.Combine(folder, "pagerduty"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => ReadJson(file, PagerDutyIncidentMapper.ReadPage).Incidents)
            .Select(incident => PagerDutyIncidentMapper.Map(incident, catalog.ServiceByPagerDutyId))
            .ToList();
        var workItems = Directory.EnumerateFiles(Path.Combine(folder, "jira"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => ReadJson(file, JiraIssueMapper.ReadPage))
            .Select(issue => JiraIssueMapper.Map(issue, catalog.TeamByJiraProject, catalog.TeamByName))
            .ToList();

        var now = clock.GetUtcNow();
        using var transaction = connection.BeginTransaction();
        Append(connection, catalog.Teams, now);
        Append(connection, catalog.Services, now);
        Append(connection, catalog.Capabilities, now);
        Append(connection, catalog.Engineers, now);
        Append(connection, deployments, now);
        Append(connection, changes, now);
        Append(connection, incidents, now);
        Append(connection, workItems, now);
        var surveyRows = LoadSurveys(connection, Path.Combine(folder, "surveys"), catalog, now);
        LoadCopilot(connection, Path.Combine(folder, "copilot"), catalog, now);
        DeliveryLinker.Relink(connection, null);
        RecordRun(connection, "backstage", catalog.Teams.Count + catalog.Services.Count + catalog.Capabilities.Count + catalog.Engineers.Count, now);
        RecordRun(connection, "github", deployments.Count + changes.Count, now);
        RecordRun(connection, "pagerduty", incidents.Count, now);
        RecordRun(connection, "jira", workItems.Count, now);
        RecordRun(connection, "surveys", surveyRows, now);

        transaction.Commit();
        var counts = await DatabaseStatistics.CountAsync(connection, cancellationToken);
        LogLoaded(folder, counts);
        return counts;
    }

    private static void ReadGitHub(string folder, string serviceId, string repository, CatalogSnapshot catalog, List<Deployment> deployments, List<Change> changes)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var statuses = ReadJson(Path.Combine(folder, "deployment_statuses.json"), GitHubDeploymentMapper.ReadStatuses);
        foreach (var deployment in ReadJson(Path.Combine(folder, "deployments.json"), GitHubDeploymentMapper.ReadDeployments))
        {
            var own = statuses.GetValueOrDefault(deployment.Id.ToString(CultureInfo.InvariantCulture)) ?? [];
            deployments.Add(GitHubDeploymentMapper.Map(serviceId, deployment, own, catalog.EngineerByLogin));
        }

        var commits = ReadJson(Path.Combine(folder, "pull_commits.json"), GitHubPullRequestMapper.ReadByNumber<GitHubPullRequestMapper.GitHubCommit>);
        var reviews = ReadJson(Path.Combine(folder, "pull_reviews.json"), GitHubPullRequestMapper.ReadByNumber<GitHubPullRequestMapper.GitHubReview>);
        foreach (var pull in ReadJson(Path.Combine(folder, "pulls.json"), GitHubPullRequestMapper.ReadPulls))
        {
            var key = pull.Number.ToString(CultureInfo.InvariantCulture);
            changes.AddRange(GitHubPullRequestMapper.Map(serviceId, repository, pull, commits.GetValueOrDefault(key) ?? [], reviews.GetValueOrDefault(key) ?? [], catalog.EngineerByLogin));
        }
    }

    /// <summary>The survey exports as closed waves plus an open one; the number of rows written.</summary>
    private static long LoadSurveys(PulseConnection connection, string folder, CatalogSnapshot catalog, DateTimeOffset now)
    {
        const string surveyId = DevExPulseTemplate.Name;
        var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            return 0;
        }

        long rows = 0;

        var questions = DevExPulseTemplate.Questions(surveyId);
        var block = questions.Where(q => q.Block == DoraProfileBlock.Name).ToList();
        var firstWave = DateTimeOffset.MaxValue;
        foreach (var file in files)
        {
            // A file named devex-2026-q2.csv holds the answers of wave "2026 Q2"; the wave spans its submissions.
            // Those exports rate the capabilities and name one improvement, and the DORA profile answers sit beside
            // them, so their waves asked every optional block. The open wave asks none: the two-minute form.
            var waveId = Path.GetFileNameWithoutExtension(file);
            var provisional = new SurveyWave(waveId, surveyId, WaveName(waveId), DateTimeOffset.MinValue, DateTimeOffset.MaxValue, true, 5, null, "closed", DevExPulseTemplate.OptionalBlocks);
            using var text = File.OpenText(file);
            var import = SurveyCsvReader.Read(text, provisional, questions, catalog.TeamByName, TimeZoneInfo.Utc);
            if (import.RowErrors.Count > 0)
            {
                throw new FormatException($"{file}: {string.Join("; ", import.RowErrors)}");
            }

            var blockAnswers = ReadBlockAnswers(Path.Combine(folder, DoraProfileBlock.Name, Path.GetFileName(file)), provisional, block, catalog);

            var opens = import.Responses.Min(r => r.SubmittedAt);
            var closes = import.Responses.Max(r => r.SubmittedAt).AddDays(1);
            firstWave = opens < firstWave ? opens : firstWave;
            Append(connection, [provisional with { OpensAt = opens, ClosesAt = closes }], now);
            Append(connection, import.Responses, now);
            Append(connection, import.Answers, now);
            Append(connection, blockAnswers, now);
            rows += 1 + import.Responses.Count + import.Answers.Count + blockAnswers.Count;
        }

        Append(connection, [DevExPulseTemplate.Survey(surveyId, firstWave.AddDays(-7))], now);
        Append(connection, questions, now);

        // An open anonymous wave, so a fresh install has a survey to answer at /s/open/devex-pulse-now.
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        Append(connection, [new SurveyWave($"{surveyId}-now", surveyId, "Current pulse", today.AddDays(-1), today.AddDays(28), true, 5, null, "open")], now);
        return rows + 1 + questions.Count + 1; // the survey, its questions and the open wave
    }

    /// <summary>Records one demo source's load as a finished import run with the rows it wrote.</summary>
    private static void RecordRun(PulseConnection connection, string source, long rows, DateTimeOffset at)
    {
        var runId = Guid.NewGuid();
        connection.Execute(SqlQueries.Get("ingestion/start_run"), new { run_id = runId, source = $"{source} (demo data)", trigger = "import", started_at = at, process_id = Environment.ProcessId });
        connection.Execute(SqlQueries.Get("ingestion/finish_run"), new { run_id = runId, finished_at = at, status = "succeeded", inserted = rows, updated = 0L, rejected = 0L, error = (string?)null });
    }

    // An optional block's answers sit in a folder named after the block, one file per wave, keyed by the same
    // Response IDs as the wave's export, so the wave's own file stays as the survey tool wrote it.
    private static IReadOnlyList<SurveyAnswer> ReadBlockAnswers(string file, SurveyWave wave, IReadOnlyList<SurveyQuestion> block, CatalogSnapshot catalog)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        using var text = File.OpenText(file);
        var import = SurveyCsvReader.Read(text, wave, block, catalog.TeamByName, TimeZoneInfo.Utc);
        return import.RowErrors.Count > 0 ? throw new FormatException($"{file}: {string.Join("; ", import.RowErrors)}") : import.Answers;
    }

    private static string WaveName(string waveId)
    {
        var parts = waveId.Split('-');
        return parts.Length >= 3 ? $"{parts[^2]} {parts[^1].ToUpperInvariant()}" : waveId;
    }

    /// <summary>Appends rows, stamped as written at <paramref name="writtenAt"/> where they carry such a time.</summary>
    private static void Append<T>(PulseConnection connection, IEnumerable<T> rows, DateTimeOffset writtenAt)
        where T : IStoredRow
    {
        using var appender = connection.CreateAppender(T.Table);
        foreach (var row in rows)
        {
            RowStamp.Apply(row, writtenAt).AppendTo(appender.CreateRow());
        }
    }

    private static T ReadJson<T>(string path, Func<Stream, T> read)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return read(stream);
        }
        catch (FormatException error)
        {
            throw new FormatException($"{path}: {error.Message}", error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded demo data from {Folder}: {Counts}")]
    private partial void LogLoaded(string folder, ActivityCounts counts);
}
