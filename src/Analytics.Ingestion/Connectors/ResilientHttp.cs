using System.Net;

namespace Analytics.Ingestion.Connectors;

/// <summary>
/// Sends a source API request and retries what is transient — 5xx, 429, timeouts, dropped connections — with
/// exponential backoff and jitter, waiting as long as a <c>Retry-After</c> header asks. 401, 403 and 404 fail at
/// once with a message that says what to fix.
/// </summary>
public sealed class ResilientHttp(HttpClient client, int maxAttempts = 5, TimeSpan? baseDelay = null)
{
    private readonly TimeSpan _baseDelay = baseDelay ?? TimeSpan.FromSeconds(1);

    /// <summary>GETs a URL (built fresh for each attempt) and returns the successful response's body.</summary>
    public async Task<string> GetStringAsync(Func<HttpRequestMessage> request, string source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait = null;
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(cancellationToken);
                }

                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    throw new SourceRequestException(Explain(source, response.StatusCode, message.RequestUri));
                }

                if (status != 429 && status < 500 || attempt >= maxAttempts)
                {
                    throw new SourceRequestException($"{source} answered {status} {response.ReasonPhrase} to {message.RequestUri} after {attempt} attempt(s).");
                }

                wait = response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - DateTimeOffset.UtcNow);
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
                throw new SourceRequestException($"{source} could not be reached after {attempt} attempt(s): {error.Message}");
            }

            await Task.Delay(wait is { } asked && asked > TimeSpan.Zero ? asked : Backoff(attempt), cancellationToken);
        }
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
