using Xunit.Abstractions;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// The service runs as its own process and is killed (SIGKILL, no shutdown) while submissions are in flight.
/// Every response it acknowledged with the thank-you page must be in the database when it is opened again.
/// </summary>
public sealed class CrashDurabilityTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-crash-").FullName;

    [Fact]
    public async Task Killing_the_service_loses_no_acknowledged_response()
    {
        await using var load = await SubmissionLoad.StartAsync(_folder);
        await load.WaitForAcknowledgedAsync(300);

        load.Server.Kill(); // while the senders are still posting
        await load.StopSendingAsync();

        var (stored, answers) = load.Stored();
        // The figures for the record (docs/architecture.md quotes them).
        log.WriteLine($"kill -9: {load.Acknowledged.Count} acknowledged, {stored.Count} stored");
        Assert.True(load.Acknowledged.Count >= 300);
        Assert.All(load.Acknowledged, id => Assert.Contains(id, stored));
        Assert.Equal(stored.Count * 8L, answers);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
