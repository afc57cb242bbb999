using Analytics.Host.Web.Surveys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Security;

/// <summary>
/// The guard in front of every HTML form post: a body size limit (<see cref="WebOptions.MaxFormBytes"/>, with or
/// without a Content-Length) and the antiforgery check, each failing with a page that says what happened instead
/// of a bare status code. Apply with <see cref="RequireFormGuard"/>.
/// </summary>
internal static class FormPosts
{
    /// <summary>Adds the guard to every POST endpoint of the group.</summary>
    public static TBuilder RequireFormGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return await next(context);
            }

            var maxBytes = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.MaxFormBytes;
            if (http.Request.ContentLength > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            // The form is read here, before the antiforgery check reads it: a chunked body that runs over the limit
            // fails while being read, and the antiforgery check would report that as an expired form.
            if (await ReadLimitedAsync(http.Request, http.RequestAborted) is false)
            {
                return TooLarge(maxBytes);
            }

            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return SurveyPages.Notice("This form has expired", "The form was missing its security check, so nothing was saved. Go back, reload the page and send it again.", StatusCodes.Status400BadRequest,
                    "This happens when a form is left open for a long time, cookies are blocked, or the form was sent from another site.");
            }

            return await next(context);
        });

    /// <summary>The posted form as values per field name.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;

    /// <summary>Reads the form once; false when the body or one of its fields is over its limit.</summary>
    private static async Task<bool> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(request, cancellationToken);
            return true;
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        catch (InvalidDataException)
        {
            // The form reader's own limits (FormOptions: a field longer than the form limit, too many fields).
            return false;
        }
    }

    private static IResult TooLarge(long maxBytes) =>
        SurveyPages.Notice("This form is too large to send", $"The form was over {maxBytes / 1024} KB, so nothing was saved. Go back, shorten your longest answers and send it again.", StatusCodes.Status413PayloadTooLarge);
}
