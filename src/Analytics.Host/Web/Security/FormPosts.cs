using Analytics.Host.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Analytics.Host.Web.Security;

/// <summary>
/// The guard in front of every HTML form post: a body size limit and the antiforgery check, each failing with a
/// page that says what happened instead of a bare status code. Apply with <see cref="RequireFormGuard"/>.
/// </summary>
internal static class FormPosts
{
    /// <summary>Largest form body accepted: room for every long answer at its limit, far below what would hurt.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>Adds the guard to every POST endpoint of the group.</summary>
    public static TBuilder RequireFormGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return await next(context);
            }

            if (http.Request.ContentLength > MaxBodyBytes)
            {
                return TooLarge();
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return HtmlPage.Notice("This form has expired", "The form was missing its security check, so nothing was saved. Go back, reload the page and send it again.", StatusCodes.Status400BadRequest,
                    "This happens when a form is left open for a long time, cookies are blocked, or the form was sent from another site.");
            }
            catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge();
            }

            return await next(context);
        });

    /// <summary>The posted form as values per field name.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;

    private static IResult TooLarge() =>
        HtmlPage.Notice("Your answers are too long to send", $"The form was over {MaxBodyBytes / 1024} KB, so nothing was saved. Go back, shorten your longest answers and send it again.", StatusCodes.Status413PayloadTooLarge);
}
