using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Analytics.Ingestion.Connectors;

/// <summary>
/// The resilience pipeline of every source's HttpClient: the standard handler's strategies in its order — a total
/// timeout, retries with exponential backoff and jitter, a circuit breaker, a timeout per attempt — from
/// Microsoft.Extensions.Http.Resilience, set from <see cref="SourceHttpOptions"/>. Composed here rather than with
/// <c>AddStandardResilienceHandler</c> so that every wait runs on the injected clock: the standard handler reads a
/// <c>Retry-After</c> date against the system clock. Retried: 5xx, 429, timeouts, dropped or refused connections,
/// and a 403/429 whose rate limit is used up (<c>X-RateLimit-Remaining: 0</c>) until a reset within
/// <see cref="SourceHttpOptions.LongestRateLimitWait"/>, waited out exactly. A <c>Retry-After</c> (seconds or a date)
/// sets the wait; otherwise the backoff does. 401, 403 and 404 are answered at once.
/// </summary>
public static class SourceResilience
{
    /// <summary>Adds the strategies to <paramref name="builder"/> and makes it wait on <paramref name="clock"/>.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddSourceStrategies(this ResiliencePipelineBuilder<HttpResponseMessage> builder, SourceHttpOptions options, TimeProvider clock)
    {
        builder.TimeProvider = clock;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total" });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken) || WaitForRateLimit(args.Outcome, options, clock) is not null),
                DelayGenerator = args => ValueTask.FromResult(WaitForRateLimit(args.Outcome, options, clock) ?? RetryAfter(args.Outcome, clock)),
            });
        }

        return builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                BreakDuration = options.BreakDuration,
                // The breaker needs a window longer than two attempts to judge the failure ratio by.
                SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.AttemptTimeout.Ticks * 2)),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" });
    }

    /// <summary>The time a used-up rate limit resets, from <c>X-RateLimit-Remaining: 0</c> and <c>X-RateLimit-Reset</c> (Unix seconds).</summary>
    public static DateTimeOffset? RateLimitReset(HttpResponseMessage response) =>
        (int)response.StatusCode is 403 or 429
        && response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) && remaining.FirstOrDefault() == "0"
        && response.Headers.TryGetValues("X-RateLimit-Reset", out var reset) && long.TryParse(reset.FirstOrDefault(), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // HttpClient's own timeout, not the caller cancelling.
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests && RateLimitReset(response) is null || (int)response.StatusCode >= 500,
        _ => false,
    };

    private static TimeSpan? WaitForRateLimit(Outcome<HttpResponseMessage> outcome, SourceHttpOptions options, TimeProvider clock)
    {
        if (outcome.Result is not { } response || RateLimitReset(response) is not { } reset)
        {
            return null;
        }

        var wait = reset - clock.GetUtcNow();
        return wait > options.LongestRateLimitWait ? null : wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider clock) =>
        outcome.Result?.Headers.RetryAfter is { } asked
            ? asked.Delta ?? (asked.Date is { } date ? (date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null)
            : null;
}
