using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Analytics.Host.Web.Pages;

/// <summary>
/// The shell of every server-rendered page: language, viewport, one stylesheet, a skip link and a main landmark.
/// Pages are built as strings with every dynamic value passed through <see cref="Encode"/>.
/// </summary>
internal static class HtmlPage
{
    // Every script's letters stay readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A complete page as a result with the given status code.</summary>
    public static IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK, string? header = null, bool wide = false)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(title)).Append(" – Pulse</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/css/pulse.css\">\n</head>\n<body>\n")
            .Append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
            .Append("<header class=\"site-header\"><span class=\"brand\">Pulse</span>").Append(header ?? "").Append("</header>\n")
            .Append(wide ? "<main id=\"main\" class=\"wide\" tabindex=\"-1\">\n" : "<main id=\"main\" tabindex=\"-1\">\n").Append(body).Append("\n</main>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>A short page that tells the reader one thing, such as "this link was already used".</summary>
    public static IResult Notice(string title, string message, int statusCode, string? detail = null) =>
        Render(title, $"<div class=\"panel\"><h1>{Encode(title)}</h1><p class=\"lead\">{Encode(message)}</p>{(detail is null ? "" : $"<p>{Encode(detail)}</p>")}</div>", statusCode);
}
