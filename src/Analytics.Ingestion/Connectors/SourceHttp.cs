using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Analytics.Ingestion.Connectors;

/// <summary>
/// Sends a source API request through the source's HttpClient — whose handlers keep credentials on the origin
/// (<see cref="SameOriginHandler"/>) and retry what is transient (<see cref="SourceResilience"/>) — and turns what is
/// left into the connectors' two failures: <see cref="SourceRequestException"/> when retrying cannot help (401, 403,
/// 404, another 4xx, a rate limit used up for longer than Pulse waits), with what to fix, and
/// <see cref="SourceUnavailableException"/> when the source stayed unavailable through the retries, which the job
/// runner retries later.
/// </summary>
public sealed class SourceHttp(HttpClient client)
{
    /// <summary>The body, the <c>Link</c> header's <c>rel="next"</c> address if any, and a header reader (for <c>X-Next-Page</c>).</summary>
    public sealed record Page(string Body, Uri? Next, Func<string, string?> Header);

    /// <summary>The handler every source's client ends in: it does not follow redirects (see <see cref="SameOriginHandler"/>).</summary>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler { AllowAutoRedirect = false };

    /// <summary>
    /// The handlers of a source's client as the host configures them, for a client made by hand (tests): origin check,
    /// then the resilience pipeline on <paramref name="clock"/>, then <paramref name="primary"/> or a primary handler.
    /// </summary>
    public static HttpMessageHandler CreateHandler(Uri origin, string source, SourceHttpOptions options, TimeProvider clock, HttpMessageHandler? primary = null) =>
        new SameOriginHandler(origin, source)
        {
            InnerHandler = new ResilienceHandler(new ResiliencePipelineBuilder<HttpResponseMessage>().AddSourceStrategies(options, clock).Build())
            {
                InnerHandler = primary ?? CreatePrimaryHandler(),
            },
        };

    /// <summary>GETs a URL and returns the successful response's body.</summary>
    public async Task<string> GetStringAsync(Func<HttpRequestMessage> request, string source, CancellationToken cancellationToken) =>
        (await GetPageAsync(request, source, cancellationToken)).Body;

    /// <summary>Sends a request (GET, or a POST with a body) and returns the page.</summary>
    public async Task<Page> GetPageAsync(Func<HttpRequestMessage> request, string source, CancellationToken cancellationToken)
    {
        using var message = request();
        var uri = message.RequestUri;
        using var response = await SendAsync(message, source, cancellationToken);
        uri = response.RequestMessage?.RequestUri ?? uri;
        if (response.IsSuccessStatusCode)
        {
            var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new Page(await response.Content.ReadAsStringAsync(cancellationToken), NextLink(response), name => headers.GetValueOrDefault(name));
        }

        var status = (int)response.StatusCode;
        if (SourceResilience.RateLimitReset(response) is { } reset)
        {
            throw new SourceRequestException($"{source}'s rate limit is used up until {reset:u}; run again after that, or use a token with a higher limit.");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            throw new SourceRequestException(Explain(source, response.StatusCode, uri));
        }

        if (status != 429 && status < 500)
        {
            throw new SourceRequestException($"{source} answered {status} {response.ReasonPhrase} to {uri}: check the request settings.");
        }

        throw new SourceUnavailableException($"{source} answered {status} {response.ReasonPhrase} to {uri}, and again on every retry.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new SourceUnavailableException($"{source} could not be reached at {message.RequestUri?.Authority}, also on every retry: {error.Message}", error);
        }
        catch (TimeoutRejectedException error)
        {
            throw new SourceUnavailableException($"{source} did not answer {message.RequestUri} within {error.Timeout}.", error);
        }
        catch (BrokenCircuitException error)
        {
            throw new SourceUnavailableException($"{source} failed on most recent requests, so Pulse stopped calling it for a while; try again later.", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceUnavailableException($"{source} did not answer {message.RequestUri} in time.", error);
        }
    }

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

    private static string Explain(string source, HttpStatusCode status, Uri? uri) => status switch
    {
        HttpStatusCode.Unauthorized => $"{source} refused the token (401 at {uri}): check the token in its configuration section or environment.",
        HttpStatusCode.Forbidden => $"{source} refused access (403 at {uri}): the token lacks the scope or role this request needs.",
        _ => $"{source} has nothing at {uri} (404): check the base URL and the account, project or repository names.",
    };
}
