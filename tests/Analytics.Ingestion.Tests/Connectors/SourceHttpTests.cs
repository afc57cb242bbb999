using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Analytics.Ingestion.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// Rate-limit resets and <c>Retry-After</c> dates are read against the injected clock, which also times the waits:
/// the tests move a <see cref="FakeTimeProvider"/> on, so nothing sleeps for real and the real date does not matter.
/// </summary>
public sealed class SourceHttpTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Origin = new("http://source.test/");
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Responder _responder;

    public SourceHttpTests()
    {
        _responder = new Responder(_clock);
    }

    [Fact]
    public async Task Waits_until_the_rate_limit_resets_on_its_clock_then_retries()
    {
        _responder.Responses.Enqueue(RateLimited(resetsAt: Start.AddSeconds(2)));
        _responder.Responses.Enqueue(Ok());
        var body = Get(Http());

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
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Get(Http(new SourceHttpOptions { LongestRateLimitWait = TimeSpan.FromMinutes(15) })));

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
        var body = Get(Http());

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

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => _clock.AdvanceUntilDone(Get(Http(new SourceHttpOptions { MaxRetries = 1 }))));

        Assert.Equal("Source answered 503 Service Unavailable to http://source.test/items, and again on every retry.", error.Message);
        Assert.Equal(2, _responder.RequestedAt.Count);
    }

    [Fact]
    public async Task A_refused_token_fails_at_once_and_is_not_transient()
    {
        _responder.Responses.Enqueue(new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Get(Http()));

        Assert.StartsWith("Source refused the token (401", error.Message, StringComparison.Ordinal);
        Assert.Single(_responder.RequestedAt);
    }

    [Fact]
    public async Task Retries_back_off_exponentially_with_jitter_on_the_clock()
    {
        // Jittered backoff draws each wait at random around 10, 20 and 40 s, so one run's third wait may be shorter
        // than its first; what grows is the typical wait, which many runs on the fake clock show.
        const int Runs = 30;
        for (var run = 0; run < Runs; run++)
        {
            for (var i = 0; i < 3; i++)
            {
                _responder.Responses.Enqueue(new HttpResponseMessage(HttpStatusCode.InternalServerError));
            }

            _responder.Responses.Enqueue(Ok());
            Assert.Equal("page", await _clock.AdvanceUntilDone(Get(Http(new SourceHttpOptions { BaseDelay = TimeSpan.FromSeconds(10) }))));
        }

        var waits = _responder.RequestedAt.Chunk(4)
            .Select(times => times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray()).ToList();
        Assert.Equal(Runs, waits.Count);
        Assert.All(waits.SelectMany(w => w), w => Assert.InRange(w, 0.1, 300));
        var means = Enumerable.Range(0, 3).Select(retry => waits.Average(w => w[retry])).ToArray();
        Assert.True(means[0] < means[1] && means[1] < means[2], $"Mean waits grow: {string.Join(", ", means)}");
        Assert.True(waits.Select(w => w[0]).Distinct().Count() > 1, "the waits are jittered, not all the same");
    }

    [Fact]
    public async Task An_attempt_that_does_not_answer_in_time_is_retried_then_reported_as_unavailable()
    {
        _responder.Hang = true;

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => _clock.AdvanceUntilDone(Get(Http(new SourceHttpOptions { MaxRetries = 2, AttemptTimeout = TimeSpan.FromSeconds(5) }))));

        Assert.StartsWith("Source did not answer http://source.test/items within 00:00:05", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _responder.RequestedAt.Count);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_calls_the_source_no_more()
    {
        var options = new SourceHttpOptions { MaxRetries = 0, BreakDuration = TimeSpan.FromMinutes(1) };
        var http = Http(options);
        for (var i = 0; i < 100; i++)
        {
            _responder.Responses.Enqueue(new HttpResponseMessage(HttpStatusCode.BadGateway));
        }

        for (var i = 0; i < 100; i++)
        {
            await Assert.ThrowsAsync<SourceUnavailableException>(() => Get(http));
        }

        var open = await Assert.ThrowsAsync<SourceUnavailableException>(() => Get(http));

        Assert.StartsWith("Source failed on most recent requests, so Pulse stopped calling it for a while", open.Message, StringComparison.Ordinal);
        Assert.Equal(100, _responder.RequestedAt.Count);
    }

    [Theory]
    [InlineData("MaxRetries", "lots", "'Pulse:Sources:Source:Http:MaxRetries'")]
    [InlineData("MaxRetries", "-1", "Pulse:Sources:Source:Http:MaxRetries is -1: give 0 to 20.")]
    [InlineData("AttemptTimeout", "00:00:00", "Pulse:Sources:Source:Http:AttemptTimeout is 00:00:00: give at least 00:00:00.010.")]
    [InlineData("TotalTimeout", "00:00:01", "Pulse:Sources:Source:Http:TotalTimeout (00:00:01) is shorter than AttemptTimeout (00:00:30).")]
    [InlineData("BaseDelay", "soon", "'Pulse:Sources:Source:Http:BaseDelay'")]
    public void A_bad_http_setting_is_one_line_naming_it(string key, string value, string expected)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Pulse:Sources:Source:Http:{key}"] = value }).Build();

        var error = Assert.Throws<SourceRequestException>(() => SourceHttpOptions.Read(configuration, "Pulse:Sources:Source"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => _responder.Dispose();

    private SourceHttp Http(SourceHttpOptions? options = null) =>
        new(new HttpClient(SourceHttp.CreateHandler(Origin, "Source", options ?? new SourceHttpOptions(), _clock, _responder), disposeHandler: false));

    private static Task<string> Get(SourceHttp http) =>
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

        /// <summary>Whether requests never get an answer (until cancelled).</summary>
        public bool Hang { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestedAt.Enqueue(clock.GetUtcNow());
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var response = Responses.TryDequeue(out var queued) ? queued : throw new InvalidOperationException("No response is queued.");
            response.RequestMessage ??= request;
            return response;
        }
    }
}
