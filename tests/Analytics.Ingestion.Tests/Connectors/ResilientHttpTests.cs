using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Analytics.Ingestion.Connectors;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// Rate-limit resets and <c>Retry-After</c> dates are read against the injected clock, which also times the waits:
/// the tests move a <see cref="FakeTimeProvider"/> on, so nothing sleeps for real and the real date does not matter.
/// </summary>
public sealed class ResilientHttpTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Origin = new("http://source.test/");
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Responder _responder;
    private readonly HttpClient _client;

    public ResilientHttpTests()
    {
        _responder = new Responder(_clock);
        _client = new HttpClient(_responder);
    }

    [Fact]
    public async Task Waits_until_the_rate_limit_resets_on_its_clock_then_retries()
    {
        _responder.Responses.Enqueue(RateLimited(resetsAt: Start.AddSeconds(2)));
        _responder.Responses.Enqueue(Ok());
        var body = Get(new ResilientHttp(_client, Origin, _clock));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(body.IsCompleted);
        Assert.Single(_responder.RequestedAt);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("page", await body.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([Start, Start.AddSeconds(2)], _responder.RequestedAt);
    }

    [Fact]
    public async Task A_reset_further_off_than_the_longest_wait_fails_at_once_naming_it()
    {
        _responder.Responses.Enqueue(RateLimited(resetsAt: Start.AddMinutes(16)));
        var http = new ResilientHttp(_client, Origin, _clock, longestRateLimitWait: TimeSpan.FromMinutes(15));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Get(http));

        Assert.Equal("Source's rate limit is used up until 2026-09-15 08:16:00Z; run again after that, or use a token with a higher limit.", error.Message);
        Assert.Single(_responder.RequestedAt);
    }

    [Fact]
    public async Task Retry_After_given_as_a_date_is_waited_out_on_its_clock()
    {
        var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        unavailable.Headers.RetryAfter = new RetryConditionHeaderValue(Start.AddSeconds(30));
        _responder.Responses.Enqueue(unavailable);
        _responder.Responses.Enqueue(Ok());
        var body = Get(new ResilientHttp(_client, Origin, _clock));

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(body.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("page", await body.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([Start, Start.AddSeconds(30)], _responder.RequestedAt);
    }

    [Fact]
    public async Task A_source_still_unavailable_after_the_last_attempt_is_a_transient_failure()
    {
        for (var i = 0; i < 2; i++)
        {
            _responder.Responses.Enqueue(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => _clock.AdvanceUntilDone(Get(new ResilientHttp(_client, Origin, _clock, maxAttempts: 2))));

        Assert.Equal("Source answered 503 Service Unavailable to http://source.test/items after 2 attempt(s).", error.Message);
        Assert.Equal(2, _responder.RequestedAt.Count);
    }

    [Fact]
    public async Task A_refused_token_fails_at_once_and_is_not_transient()
    {
        _responder.Responses.Enqueue(new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Get(new ResilientHttp(_client, Origin, _clock)));

        Assert.StartsWith("Source refused the token (401", error.Message, StringComparison.Ordinal);
        Assert.Single(_responder.RequestedAt);
    }

    public void Dispose()
    {
        _client.Dispose();
        _responder.Dispose();
    }

    private static Task<string> Get(ResilientHttp http) =>
        http.GetStringAsync(() => new HttpRequestMessage(HttpMethod.Get, "http://source.test/items"), "Source", CancellationToken.None);

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("page") };

    private static HttpResponseMessage RateLimited(DateTimeOffset resetsAt)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset", resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>Answers with the queued responses, in order, noting the time on the clock of each request.</summary>
    private sealed class Responder(TimeProvider clock) : HttpMessageHandler
    {
        public ConcurrentQueue<HttpResponseMessage> Responses { get; } = new();

        public ConcurrentQueue<DateTimeOffset> RequestedAt { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestedAt.Enqueue(clock.GetUtcNow());
            return Task.FromResult(Responses.TryDequeue(out var response) ? response : throw new InvalidOperationException("No response is queued."));
        }
    }
}
