namespace Analytics.Host.Web.Admin;

/// <summary>
/// Locks a username for <see cref="LockTime"/> after <see cref="MaxFailures"/> failed sign-ins within
/// <see cref="Window"/>, from whatever addresses they came, so guessing one account's password from many addresses
/// does not get around the per-address rate limit. Counted for every username tried, known or not, so the answer
/// does not tell which accounts exist. Kept in memory: a restart clears it.
/// </summary>
internal sealed partial class SignInLockout(TimeProvider clock, ILogger<SignInLockout> logger)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    // Past this many usernames, those with nothing recent are dropped, so random usernames cannot fill memory.
    private const int PruneAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);

    private sealed class Attempts
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset? LockedUntil { get; set; }
    }

    /// <summary>When the username's lockout ends, or null when it is not locked.</summary>
    public DateTimeOffset? LockedUntil(string username)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return _attempts.TryGetValue(username, out var attempts) && attempts.LockedUntil > now ? attempts.LockedUntil : null;
        }
    }

    /// <summary>Counts a failed sign-in; returns when the lockout ends if this failure locked the username.</summary>
    public DateTimeOffset? Failed(string username, string? address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_attempts.Count > PruneAbove)
            {
                Prune(now);
            }

            if (!_attempts.TryGetValue(username, out var attempts))
            {
                _attempts[username] = attempts = new Attempts();
            }

            attempts.Failures.Enqueue(now);
            while (attempts.Failures.Peek() <= now - Window)
            {
                attempts.Failures.Dequeue();
            }

            if (attempts.Failures.Count < MaxFailures)
            {
                return null;
            }

            attempts.Failures.Clear();
            attempts.LockedUntil = now + LockTime;
        }

        LogLocked(username, MaxFailures, (int)Window.TotalMinutes, now + LockTime, address ?? "unknown");
        return now + LockTime;
    }

    /// <summary>A good sign-in starts the count again.</summary>
    public void Succeeded(string username)
    {
        lock (_gate)
        {
            _attempts.Remove(username);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (username, attempts) in _attempts.ToList())
        {
            if (!(attempts.LockedUntil > now) && (attempts.Failures.Count == 0 || attempts.Failures.Last() <= now - Window))
            {
                _attempts.Remove(username);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for '{User}' locked after {Failures} failed attempts within {WindowMinutes} minutes, until {LockedUntil}; the last came from {Address}")]
    private partial void LogLocked(string user, int failures, int windowMinutes, DateTimeOffset lockedUntil, string address);
}
