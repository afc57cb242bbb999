using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// A local PagerDuty on Kestrel (127.0.0.1, random port) answering <c>GET /incidents</c> in the documented shape:
/// offset pages of <c>limit</c> with <c>more</c>, the token in <c>Authorization: Token token=…</c>, and scripted
/// failures (429 with Retry-After, 500) before a page is served.
/// </summary>
public sealed class FakePagerDuty : IAsyncDisposable
{
    private WebApplication _app = null!;

    public List<object> Incidents { get; } = [];

    public ConcurrentQueue<int> FailuresToServe { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public string? MalformedBody { get; set; }

    public string Token { get; set; } = "good-token";

    public Uri BaseUrl => _app.BaseUrl();

    public static async Task<FakePagerDuty> StartAsync()
    {
        var fake = new FakePagerDuty();
        fake._app = await LocalServer.StartAsync(app => app.MapGet("/incidents", (HttpContext context) => fake.Serve(context)));
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Serve(HttpContext context)
    {
        Requests.Enqueue(context.Request.QueryString.Value ?? string.Empty);
        if (context.Request.Headers.Authorization != $"Token token={Token}")
        {
            return Results.Json(new { error = new { message = "Unauthorized", code = 2006 } }, statusCode: 401);
        }

        if (FailuresToServe.TryDequeue(out var status))
        {
            if (status == 429)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            return Results.StatusCode(status);
        }

        if (MalformedBody is not null)
        {
            return Results.Text(MalformedBody, "application/json");
        }

        var offset = int.Parse(context.Request.Query["offset"].ToString() is { Length: > 0 } o ? o : "0", System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(context.Request.Query["limit"].ToString() is { Length: > 0 } l ? l : "25", System.Globalization.CultureInfo.InvariantCulture);
        var page = Incidents.Skip(offset).Take(limit).ToList();
        return Results.Json(new { incidents = page, limit, offset, more = offset + page.Count < Incidents.Count, total = (int?)null });
    }
}
