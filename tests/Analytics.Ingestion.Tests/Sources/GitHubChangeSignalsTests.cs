using Analytics.Core.Assistants;
using Analytics.Ingestion.Sources.GitHub;
using static Analytics.Ingestion.Sources.GitHub.GitHubPullRequestMapper;

namespace Analytics.Ingestion.Tests.Sources;

/// <summary>What a merged pull request keeps for the AI-assisted rule: its opener's login and its commits' trailers.</summary>
public sealed class GitHubChangeSignalsTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keeps_the_author_login_and_only_the_trailer_paragraph_of_each_commit()
    {
        var pull = new GitHubPullRequest(7, "Add retries", At, At.AddHours(2), "m1", new GitHubDeploymentMapper.GitHubUser("Copilot-SWE-Agent[bot]"));
        var commits = new[]
        {
            Commit("a1", "Add retries\n\nCo-authored-by: this line is in the body, then more text\nand more.\n\nCo-authored-by: GitHub Copilot <copilot@github.com>\nSigned-off-by: Ada <ada@example.com>"),
            Commit("a2", "Fix typo"),
            Commit("a3", "Tidy\n\nJust a closing paragraph: not trailers\nbecause this line is prose."),
        };

        var signals = GitHubChangeSignals.Of("acme/api", pull, commits).ToList();

        Assert.Equal(
        [
            new ChangeSignal("github:acme/api#7", ChangeSignal.Author, "copilot-swe-agent[bot]"),
            new ChangeSignal("github:acme/api@a1", ChangeSignal.Trailer, "Co-authored-by: GitHub Copilot <copilot@github.com>"),
            new ChangeSignal("github:acme/api@a1", ChangeSignal.Trailer, "Signed-off-by: Ada <ada@example.com>"),
        ], signals);
    }

    [Fact]
    public void An_unmerged_pull_request_has_no_signals()
    {
        var pull = new GitHubPullRequest(8, "Draft", At, User: new GitHubDeploymentMapper.GitHubUser("ada"));
        Assert.Empty(GitHubChangeSignals.Of("acme/api", pull, [Commit("b1", "x\n\nCo-authored-by: Copilot <c@github.com>")]));
    }

    private static GitHubCommit Commit(string sha, string message) => new(sha, new GitHubCommitDetail(new GitHubSignature(At), message));
}
