using Analytics.Host.Web.Admin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>The lockout's count and its log line, on a clock the test moves.</summary>
public sealed class SignInLockoutTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger _log = new();

    [Fact]
    public void The_fifth_failure_within_the_window_locks_and_is_logged_with_the_user_and_the_end()
    {
        var lockout = new SignInLockout(_clock, _log);
        var results = Enumerable.Range(1, 5).Select(i =>
        {
            _clock.Advance(TimeSpan.FromMinutes(2));
            return lockout.Failed("admin", $"203.0.113.{i}");
        }).ToList();

        var until = new DateTimeOffset(2026, 11, 2, 9, 25, 0, TimeSpan.Zero);
        Assert.Equal([null, null, null, null, until], results);
        Assert.Equal(until, lockout.LockedUntil("admin"));
        Assert.Null(lockout.LockedUntil("someone.else"));
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("admin", entry.State["User"]);
        Assert.Equal(until, entry.State["LockedUntil"]);
        Assert.Equal("203.0.113.5", entry.State["Address"]);
    }

    [Fact]
    public void A_good_sign_in_starts_the_count_again()
    {
        var lockout = new SignInLockout(_clock, _log);
        for (var i = 0; i < 4; i++)
        {
            lockout.Failed("admin", null);
        }

        lockout.Succeeded("admin");

        Assert.Null(lockout.Failed("admin", null));
        Assert.Null(lockout.LockedUntil("admin"));
        Assert.Empty(_log.Entries);
    }

    private sealed class RecordingLogger : ILogger<SignInLockout>
    {
        public List<(LogLevel Level, Dictionary<string, object?> State)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(p => p.Key, p => p.Value) ?? []));
    }
}
