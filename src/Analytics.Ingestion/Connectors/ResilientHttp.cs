using System.Net;

namespace Analytics.Ingestion.Connectors;

/// <summary>
/// Sends a source API request and retries what is transient — 5xx, 429, timeouts, dropped connections — with
/// exponential backoff and jitter, waiting as long as a <c>Retry-After</c> header asks; still failing after the last
/// attempt, it throws <see cref="SourceUnavailableException"/>, which the job runner retries later. 401, 403 and 404 fail at
/// once with a message that says what to fix — except a 403 or 429 that reports an exhausted rate limit
/// (<c>X-RateLimit-Remaining: 0</c>), which waits until <c>X-RateLimit-Reset</c> when that is soon enough. Resets and
/// <c>Retry-After</c> dates are read against <paramref name="clock"/>, which also times every wait.
/// Requests carry the source's credentials, so each goes only to the configured API origin (scheme, host, port): a
/// next-page link or a redirect elsewhere fails with a <see cref="SourceRequestException"/> before anything is sent
/// there. Redirects within the origin are followed here, which needs a client that does not follow them itself
/// (see <see cref="CreateHandler"/>).
/// </summary>
public sealed partial class ResilientHttp(HttpClient client, Uri origin, TimeProvider clock, int maxAttempts = 5, TimeSpan? baseDelay = null, TimeSpan? longestRateLimitWait = null)
{
    private readonly TimeSpan _baseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
    private readonly TimeSpan _longestRateLimitWait = longestRateLimitWait ?? TimeSpan.FromMinutes(15);

    /// <summary>The body, the <c>Link</c> header's <c>rel="next"</c> address if any, and a header reader (for <c>X-Next-Page</c>).</summary>
    public sealed record Page(string Body, Uri? Next, Func<string, string?> Header);

    /// <summary>GETs a URL (built fresh for each attempt) and returns the successful response's body.</summary>
    public async Task<string> GetStringAsync(Func<HttpRequestMessage> request, string source, CancellationToken cancellationToken) =>
        (await GetPageAsync(request, source, cancellationToken)).Body;

    /// <summary>Sends a request (built fresh for each attempt; GET or a POST with a body) and returns the page.</summary>
    public async Task<Page> GetPageAsync(Func<HttpRequestMessage> request, string source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait = null;
            try
            {
                using var response = await SendWithinOriginAsync(request, source, cancellationToken);
                var uri = response.RequestMessage?.RequestUri;
                if (response.IsSuccessStatusCode)
                {
                    var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
                    return new Page(await response.Content.ReadAsStringAsync(cancellationToken), NextLink(response), name => headers.GetValueOrDefault(name));
                }

                var status = (int)response.StatusCode;
                if (status is 403 or 429 && RateLimitReset(response) is { } reset && attempt < maxAttempts)
                {
                    var until = reset - clock.GetUtcNow();
                    if (until > _longestRateLimitWait)
                    {
                        throw new SourceRequestException($"{source}'s rate limit is used up until {reset:u}; run again after that, or use a token with a higher limit.");
                    }

                    await Task.Delay(until > TimeSpan.Zero ? until : TimeSpan.Zero, clock, cancellationToken);
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    throw new SourceRequestException(Explain(source, response.StatusCode, uri));
                }

                if (status != 429 && status < 500)
                {
                    throw new SourceRequestException($"{source} answered {status} {response.ReasonPhrase} to {uri}: check the request settings.");
                }

                if (attempt >= maxAttempts)
                {
                    throw new SourceUnavailableException($"{source} answered {status} {response.ReasonPhrase} to {uri} after {attempt} attempt(s).");
                }

                wait = response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - clock.GetUtcNow());
            }
            catch (HttpRequestException) when (attempt < maxAttempts)
            {
                // A dropped or refused connection: try again.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < maxAttempts)
            {
                // A timeout, not the caller cancelling: try again.
            }
            catch (HttpRequestException error)
            {
                throw new SourceUnavailableException($"{source} could not be reached after {attempt} attempt(s): {error.Message}", error);
            }
            catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SourceUnavailableException($"{source} did not answer in time after {attempt} attempt(s).", error);
            }

            await Task.Delay(wait is { } asked && asked >= TimeSpan.Zero ? asked : Backoff(attempt), clock, cancellationToken);
        }
    }

    private static DateTimeOffset? RateLimitReset(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) && remaining.FirstOrDefault() == "0"
        && response.Headers.TryGetValues("X-RateLimit-Reset", out var reset) && long.TryParse(reset.FirstOrDefault(), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The <c>rel="next"</c> address of an RFC 8288 <c>Link</c> header, as GitHub paginates.</summary>
    private static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts.Skip(1).Any(p => p == "rel=\"next\"") && parts[0].StartsWith('<') && parts[0].EndsWith('>'))
            {
                return new Uri(parts[0][1..^1]);
            }
        }

        return null;
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(_baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble()));

    private static string Explain(string source, HttpStatusCode status, Uri? uri) => status switch
    {
        HttpStatusCode.Unauthorized => $"{source} refused the token (401 at {uri}): check the token in its configuration section or environment.",
        HttpStatusCode.Forbidden => $"{source} refused access (403 at {uri}): the token lacks the scope or role this request needs.",
        _ => $"{source} has nothing at {uri} (404): check the base URL and the account, project or repository names.",
    };
}
