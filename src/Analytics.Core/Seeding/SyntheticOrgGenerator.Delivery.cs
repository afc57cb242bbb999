using Analytics.Core.Delivery;
using Analytics.Core.Incidents;

namespace Analytics.Core.Seeding;

/// <summary>Deployments, the changes and commits they ship, and the incidents some of them cause.</summary>
public sealed partial class SyntheticOrgGenerator
{
    private static readonly string[] ChangeVerbs = ["Add", "Fix", "Refactor", "Update", "Remove", "Speed up", "Document", "Harden"];

    private static readonly string[] ChangeObjects =
        ["retry policy", "checkout flow", "pagination", "feature flag", "metrics", "cache", "schema migration", "API client", "error handling", "timeouts", "logging", "config"];

    private static readonly string[] IncidentSymptoms =
        ["Elevated 5xx rate", "Latency above SLO", "Queue backlog growing", "Failed payments spike", "Login errors", "Stale search results", "Memory exhaustion"];

    private int _pullRequestNumber;

    /// <summary>
    /// Day by day across all services, so rows land in time order as incremental ingestion would append them
    /// (which is also what lets DuckDB skip whole row groups when a query wants one quarter).
    /// </summary>
    private void WriteDelivery(Writers writers, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        for (var day = _start; day < _options.Until; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var team in _teams)
            {
                foreach (var service in team.Services)
                {
                    if (service.Service.CreatedOn is not { } created || created <= day)
                    {
                        WriteServiceDay(writers, team, service, day);
                    }
                }
            }

            progress?.Report(new SeedProgress("deployments and changes", 0.02 + (0.83 * (day.DayNumber - _start.DayNumber + 1) / _options.Days)));
        }
    }

    private void WriteServiceDay(Writers writers, TeamPlan team, ServicePlan plan, DateOnly day)
    {
        var service = plan.Service;
        var profile = team.Profile;
        var rate = profile.DeploysPerServiceDay * plan.Cadence * (IsWorkday(day) ? 1 : 0.08);
        var deploys = _random.Poisson(rate);
        for (var d = 0; d < deploys; d++)
        {
            var at = At(day, 8 + (_random.NextDouble() * 10));
            var deployment = WriteRelease(writers, team, plan, day, at);
            if (deployment.Status == "success" && _random.Chance(profile.ChangeFailureRate))
            {
                WriteFailure(writers, team, plan, deployment);
            }
        }

        // Alerts that no change caused: capacity, dependencies, noisy monitors; mostly low severity.
        if (_random.Chance(0.17))
        {
            var opened = At(day, _random.NextDouble() * 24);
            WriteIncident(writers, service.ServiceId, opened, profile, causedBy: null, fromChange: false);
        }
    }

    /// <summary>A staging then production deployment shipping a batch of pull requests.</summary>
    private Deployment WriteRelease(Writers writers, TeamPlan team, ServicePlan plan, DateOnly day, DateTimeOffset at)
    {
        var service = plan.Service;
        var number = ++plan.Deployments;
        var profile = team.Profile;
        var viaPlatform = service.OnboardedOn is { } on && on <= day;
        var deployer = PickDeployer(team, day);
        var sha = NewSha();
        var id = $"seed:{service.ServiceId}:{number}";
        var stagingAt = at.AddMinutes(-_random.Next(20, 90));
        writers.Write(new Deployment($"{id}:staging", service.ServiceId, "staging", sha, stagingAt, stagingAt.AddMinutes(_random.Next(3, 15)), "success", false, false, viaPlatform, deployer, Source));

        var failed = _random.Chance(profile.PipelineFailureRate);
        var finished = at.AddMinutes(_random.Next(4, 25));
        var deployment = new Deployment(id, service.ServiceId, "production", sha, at, finished, failed ? "failure" : "success", false, false, viaPlatform, deployer, Source);
        writers.Write(deployment);
        if (!failed)
        {
            plan.LastGoodSha = sha;
            var pullRequests = 1 + _random.Poisson(profile.PullRequestsPerDeploy - 1);
            for (var p = 0; p < pullRequests; p++)
            {
                WritePullRequest(writers, team, service, deployment, p == pullRequests - 1 ? sha : NewSha(), labels: []);
            }
        }

        return deployment;
    }

    /// <summary>A production failure: an incident (mostly linked to the deployment) and a rollback or a hotfix.</summary>
    private void WriteFailure(Writers writers, TeamPlan team, ServicePlan plan, Deployment cause)
    {
        var service = plan.Service;
        var profile = team.Profile;
        var opened = cause.FinishedAt!.Value.AddMinutes(_random.LogNormal(30, 0.8));
        var linked = _random.Chance(0.75);
        var resolved = WriteIncident(writers, service.ServiceId, opened, profile, linked ? cause.DeploymentId : null, fromChange: true);
        var recoveryAt = resolved.AddMinutes(-_random.Next(1, 10));
        if (recoveryAt >= At(_options.Until, 0))
        {
            // Still being fixed when the history ends.
            return;
        }

        var id = $"seed:{service.ServiceId}:{++plan.Deployments}";
        var deployer = PickDeployer(team, DateOnly.FromDateTime(recoveryAt.UtcDateTime));
        if (_random.Chance(0.5))
        {
            writers.Write(new Deployment(id, service.ServiceId, "production", plan.LastGoodSha, recoveryAt, recoveryAt.AddMinutes(3), "success", true, false, true, deployer, Source));
            return;
        }

        var sha = NewSha();
        var hotfix = new Deployment(id, service.ServiceId, "production", sha, recoveryAt, recoveryAt.AddMinutes(5), "success", false, true, cause.ViaPlatform, deployer, Source);
        writers.Write(hotfix);
        plan.LastGoodSha = sha;
        WritePullRequest(writers, team, service, hotfix, sha, labels: ["hotfix"], quick: true);
    }

    private DateTimeOffset WriteIncident(Writers writers, string serviceId, DateTimeOffset opened, DeliveryProfile profile, string? causedBy, bool fromChange)
    {
        var severity = !fromChange
            ? _random.Weighted<string>([("sev2", 0.05), ("sev3", 0.25), ("sev4", 0.45), ("sev5", 0.25)])
            : _random.Weighted<string>([("sev1", 0.05), ("sev2", 0.2), ("sev3", 0.45), ("sev4", 0.3)]);
        var resolved = opened.AddHours(Math.Max(0.1, _random.LogNormal(profile.RecoveryHours, 0.9)));
        var acknowledged = opened.AddMinutes(_random.LogNormal(6, 0.7));
        var id = $"seed:inc:{_rows.GetValueOrDefault("incidents") + 1}";
        writers.Write(new Incident(id, serviceId, $"{_random.Pick(IncidentSymptoms)} on {serviceId}", severity, opened, acknowledged,
            resolved < At(_options.Until, 0) ? resolved : null, causedBy, null, Source));
        return resolved;
    }

    private void WritePullRequest(Writers writers, TeamPlan team, Organisation.Service service, Deployment deployment, string mergeSha, IReadOnlyList<string?> labels, bool quick = false)
    {
        var profile = team.Profile;
        var scale = quick ? 0.1 : 1;
        var merged = deployment.StartedAt.AddHours(-_random.LogNormal(profile.WaitForDeployHours * scale, 0.9));
        var firstReview = merged.AddHours(-_random.LogNormal(profile.ReviewHours * scale, 0.8));
        var opened = firstReview.AddHours(-_random.LogNormal(profile.PickupHours * scale, 0.8));
        var firstCommit = opened.AddHours(-_random.LogNormal(profile.CodingHours * scale, 0.9));
        // Platform repositories also take contributions from engineers of other teams (participatory adoption).
        var authorTeam = service.IsPlatformOwned && _random.Chance(0.3) ? _random.Pick(_teams) : team;
        var author = PickAuthor(authorTeam, DateOnly.FromDateTime(firstCommit.UtcDateTime));
        var number = ++_pullRequestNumber;
        var changeId = $"seed:{service.Repository}#{number}";
        var title = $"{_random.Pick(ChangeVerbs)} {_random.Pick(ChangeObjects)}";
        writers.Write(new Change(changeId, "pull_request", null, service.ServiceId, service.Repository, author, title, labels,
            firstCommit, opened, firstReview, merged, mergeSha, deployment.DeploymentId, Source, deployment.FinishedAt));

        var commits = 1 + _random.Poisson(3.7);
        var span = (opened - firstCommit).Ticks;
        for (var c = 0; c < commits; c++)
        {
            var at = c == 0 ? firstCommit : firstCommit.AddTicks((long)(span * _random.NextDouble()) / 10 * 10);
            var sha = NewSha();
            writers.Write(new Change($"seed:commit:{sha}", "commit", changeId, service.ServiceId, service.Repository, author, title, [],
                at, null, null, merged, sha, deployment.DeploymentId, Source, deployment.FinishedAt));
        }
    }

    private string? PickAuthor(TeamPlan team, DateOnly day)
    {
        var eligible = team.Members.Where(m => m.EligibleFrom <= day && (m.Engineer.EndDate is not { } end || end > day)).ToList();
        return eligible.Count == 0 ? null : _random.Pick(eligible).Engineer.EngineerId;
    }

    /// <summary>New hires make their first deployment as soon as they are ramped up; otherwise anyone active.</summary>
    private string? PickDeployer(TeamPlan team, DateOnly day)
    {
        if (team.AwaitingFirstDeploy.TryPeek(out var newcomer) && newcomer.EligibleFrom <= day)
        {
            team.AwaitingFirstDeploy.Dequeue();
            if (newcomer.Engineer.EndDate is not { } end || end > day)
            {
                return newcomer.Engineer.EngineerId;
            }
        }

        return PickAuthor(team, day);
    }
}
