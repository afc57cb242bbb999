using Analytics.Core.Assistants;
using Analytics.Ingestion.Sources.GitLab;
using static Analytics.Ingestion.Sources.GitLab.GitLabMapper;

namespace Analytics.Ingestion.Tests.Sources;

/// <summary>What a merged merge request keeps for the AI-assisted rule: its author's username and its commits' trailers.</summary>
public sealed class GitLabChangeSignalsTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keeps_the_author_username_and_every_trailer_of_each_commit_even_two_with_one_key()
    {
        var request = Request(4, "GitLab-Duo-Bot", merged: true);
        var commits = new[]
        {
            Commit("a1", "Add ledger entry\n\nCo-authored-by: Claude <noreply@anthropic.com>\nCo-authored-by: Ada <ada@example.com>\n"),
            Commit("a2", "Fix typo"),
            Commit("a3", "Tidy\n\nNote: this closing paragraph\nis prose, not trailers."),
        };

        var signals = GitLabChangeSignals.Of("acme/ledger", request, commits).ToList();

        Assert.Equal(
        [
            new ChangeSignal("gitlab:acme/ledger!4", ChangeSignal.Author, "gitlab-duo-bot"),
            new ChangeSignal("gitlab:acme/ledger@a1", ChangeSignal.Trailer, "Co-authored-by: Claude <noreply@anthropic.com>"),
            new ChangeSignal("gitlab:acme/ledger@a1", ChangeSignal.Trailer, "Co-authored-by: Ada <ada@example.com>"),
        ], signals);
    }

    [Fact]
    public void A_commit_without_its_message_is_read_from_its_title_and_an_unmerged_request_has_no_signals()
    {
        var withoutMessage = new GitLabCommit("b1", "Add retries", At);

        Assert.Equal([new ChangeSignal("gitlab:acme/ledger!5", ChangeSignal.Author, "ada")],
            GitLabChangeSignals.Of("acme/ledger", Request(5, "ada", merged: true), [withoutMessage]));
        Assert.Empty(GitLabChangeSignals.Of("acme/ledger", Request(6, "ada", merged: false), [Commit("b2", "x\n\nCo-authored-by: Copilot <c@github.com>")]));
    }

    private static GitLabMergeRequest Request(int iid, string author, bool merged) =>
        new(iid, "Change", At, At.AddHours(2), merged ? At.AddHours(2) : null, Author: new GitLabUser(author));

    private static GitLabCommit Commit(string id, string message) => new(id, message.Split('\n')[0], At, message);
}
