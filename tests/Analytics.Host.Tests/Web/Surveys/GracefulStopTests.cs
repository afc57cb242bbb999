using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// The service runs as its own process and is asked to stop (SIGTERM) while submissions are in flight. It must
/// drain its queue: every acknowledged response is stored, and every request it took gets an answer.
/// </summary>
public sealed class GracefulStopTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-stop-").FullName;

    [Fact]
    public async Task Stopping_the_service_under_load_answers_every_request_and_stores_every_acknowledged_response()
    {
        await using var load = await SubmissionLoad.StartAsync(_folder);
        await load.WaitForAcknowledgedAsync(300);

        load.Server.Terminate(); // while the senders are still posting
        var (exitCode, output, error) = await load.Server.WaitAsync(TimeSpan.FromSeconds(60));
        await load.StopSendingAsync();

        Assert.Empty(load.Unanswered);
        Assert.Equal(0, exitCode);
        // The console log of a clean stop has no failure (each shown with the two lines that describe it).
        var failures = string.Join('\n', Regex.Matches(output + error, "(?m)^(fail|crit): .*\n.*\n.*").Select(m => m.Value));
        Assert.True(failures.Length == 0, failures);
        var (stored, answers) = load.Stored();
        // The figures for the record (docs/architecture.md quotes them).
        log.WriteLine($"SIGTERM: {load.Acknowledged.Count} acknowledged, {stored.Count} stored, {load.Unanswered.Count} unanswered, {load.EndedBeforeAnswer.Count} closed before a request was taken");
        Assert.All(load.Acknowledged, id => Assert.Contains(id, stored));

        // A connection the stopping server closed without an answer carried a request it never took: had it taken
        // one, stored it and not answered, the response would be in the file.
        Assert.All(load.EndedBeforeAnswer, id => Assert.DoesNotContain(id, stored));
        Assert.Equal(stored.Count * 8L, answers);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
