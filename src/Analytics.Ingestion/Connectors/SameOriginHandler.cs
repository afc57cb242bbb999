using System.Net;

namespace Analytics.Ingestion.Connectors;

/// <summary>
/// Keeps a source's credentials on its configured API origin (scheme, host, port): a request, next-page link or
/// redirect to anywhere else fails with a <see cref="SourceRequestException"/> before anything is sent there.
/// Redirects within the origin are followed here, so the primary handler must not follow them itself
/// (<see cref="SourceHttp.CreatePrimaryHandler"/>): it would resend custom credential headers (<c>PRIVATE-TOKEN</c>)
/// to whatever host a redirect names.
/// </summary>
public sealed class SameOriginHandler(Uri origin, string source) : DelegatingHandler
{
    private const int MaxRedirects = 5;

    private string Origin => $"{origin.Scheme}://{origin.Authority}";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            var uri = request.RequestUri ?? throw new InvalidOperationException($"A {source} request has no address.");
            if (!IsWithinOrigin(uri))
            {
                throw new SourceRequestException($"{source}: refused to send credentials to {uri.Authority} ({uri}): they go only to the configured API origin {Origin}. A next-page link pointing elsewhere means a misconfigured or hostile server; check the base URL.");
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.RequestMessage?.RequestUri is { } answered && !IsWithinOrigin(answered))
            {
                // A handler that follows redirects itself already went there; at least nothing from that host is kept.
                response.Dispose();
                throw new SourceRequestException($"{source}: refused the answer from {answered.Authority} ({answered}), which a redirect from {uri} led to: only the configured API origin {Origin} is trusted. Check the base URL.");
            }

            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
                || response.Headers.Location is not { } location)
            {
                return response;
            }

            var target = new Uri(uri, location);
            var status = (int)response.StatusCode;
            response.Dispose();
            if (!IsWithinOrigin(target))
            {
                throw new SourceRequestException($"{source}: refused to follow a redirect from {uri} to {target.Authority} ({target}): credentials go only to the configured API origin {Origin}. Check the base URL; the API may have moved.");
            }

            if (redirects == MaxRedirects)
            {
                throw new SourceRequestException($"{source} redirected {MaxRedirects + 1} times in a row, last to {target}: check the base URL.");
            }

            request.RequestUri = target;
            // As browsers and HttpClient do: 303 always, and 301/302 after a POST, continue as a GET without the body.
            if (status == 303 || status is 301 or 302 && request.Method == HttpMethod.Post)
            {
                request.Method = HttpMethod.Get;
                request.Content = null;
            }
        }
    }

    private bool IsWithinOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == origin.Port;
}
