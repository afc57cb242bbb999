using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>Form bodies over the limit, sent over real HTTP with and without a Content-Length.</summary>
public sealed class FormLimitTests : IDisposable
{
    private const string OpenPath = "/s/open/" + SurveyWebApp.OpenWave;
    private readonly SurveyWebApp _app = new(kestrel: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Chunked_form_over_the_limit_is_413_too_large_and_stores_nothing()
    {
        var answer = await PostFormAsync(Enumerable.Repeat(new string('a', 16 * 1024), 20), chunked: true);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("This form is too large to send", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", answer, StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Form_with_a_50_MB_answer_is_413_too_large_and_stores_nothing(bool chunked)
    {
        var answer = await PostFormAsync(Enumerable.Repeat(new string('a', 1024 * 1024), 50), chunked);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("This form is too large to send", answer, StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Json_rating_with_a_50_MB_context_is_413_and_stores_nothing(bool chunked)
    {
        var answer = await RawHttp.SendAsync(_app.BaseAddress, "POST /api/v1/ratings HTTP/1.1\r\nContent-Type: application/json\r\n",
            ["{\"capability\": \"deploys\", \"score\": 5, \"context\": \"", .. Enumerable.Repeat(new string('a', 1024 * 1024), 50), "\"}"], chunked);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }

    [Fact]
    public async Task Json_rating_over_the_json_limit_is_413_and_stores_nothing()
    {
        var answer = await RawHttp.SendAsync(_app.BaseAddress, "POST /api/v1/ratings HTTP/1.1\r\nContent-Type: application/json\r\n",
            ["{\"capability\": \"deploys\", \"score\": 5, \"team\": \"payments\", \"pad\": \"", new string(' ', 64 * 1024), "\"}"], chunked: false);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }

    /// <summary>Posts a valid open-link form whose free-text answer is <paramref name="answer"/>, over a raw socket.</summary>
    private async Task<string> PostFormAsync(IEnumerable<string> answer, bool chunked)
    {
        var (cookie, fields) = await FormAsync();
        var head = $"POST {OpenPath} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: {cookie}\r\n";
        return await RawHttp.SendAsync(_app.BaseAddress, head, [fields + "&q_obstacle=", .. answer], chunked);
    }

    /// <summary>The open form's antiforgery cookie and its hidden fields with every required answer, url-encoded.</summary>
    private async Task<(string Cookie, string Fields)> FormAsync()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = _app.BaseAddress };
        using var page = await client.GetAsync(OpenPath);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        using var fields = new FormUrlEncodedContent(SurveyWebApp.HiddenFields(await page.Content.ReadAsStringAsync()).Concat(SurveyWebApp.ValidAnswers()));
        return (cookie, await fields.ReadAsStringAsync());
    }
}
