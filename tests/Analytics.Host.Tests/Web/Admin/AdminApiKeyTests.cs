using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Host.Web.Admin;
using Analytics.Surveys.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Admin;

/// <summary><c>/admin/api-keys</c>: a key made on the page works at once, is shown once, and stops working when revoked; both are audited.</summary>
public sealed partial class AdminApiKeyTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    [Fact]
    public async Task A_key_created_on_the_page_opens_the_api_until_it_is_revoked_and_both_are_in_the_audit_log()
    {
        using var admin = await _app.AdminClientAsync();

        using var created = await SurveyWebApp.PostFromAsync(admin, "/admin", "/admin/api-keys", ("name", "Grafana"));
        var page = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = Secret().Match(page).Groups["secret"].Value;
        var keyId = KeyId().Match(page).Groups["id"].Value;
        Assert.StartsWith("pulse_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(secret));

        var list = await admin.GetStringAsync("/admin/api-keys");
        Assert.Contains("Grafana", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var confirm = await admin.GetStringAsync($"/admin/api-keys/{keyId}/revoke");
        Assert.Contains("Every call with key", confirm, StringComparison.Ordinal);
        using var revoked = await SurveyWebApp.PostFromAsync(admin, "/admin", $"/admin/api-keys/{keyId}/revoke");
        Assert.Contains($"API key {keyId} is revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(secret));

        Assert.Equal(1, _app.Scalar<long>("SELECT count(*) FROM admin_audit_log WHERE action = 'apikey.created' AND object_id = $id AND actor = 'admin' AND detail = 'Grafana'", new { id = keyId }));
        Assert.Equal(1, _app.Scalar<long>("SELECT count(*) FROM admin_audit_log WHERE action = 'apikey.revoked' AND object_id = $id AND actor = 'admin'", new { id = keyId }));
    }

    [Theory]
    [InlineData("", "An API key needs a name of 1")]
    [InlineData("a\u0007b", "An API key needs a name of 1")]
    public async Task A_bad_name_is_refused_with_the_reason_and_nothing_is_stored(string name, string message)
    {
        using var admin = await _app.AdminClientAsync();

        using var response = await SurveyWebApp.PostFromAsync(admin, "/admin", "/admin/api-keys", ("name", name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Scalar<long>("SELECT count(*) FROM api_keys"));
    }

    [Fact]
    public async Task Revoking_an_unknown_or_revoked_key_says_so()
    {
        using var admin = await _app.AdminClientAsync();

        using var unknown = await admin.GetAsync("/admin/api-keys/0000dead/revoke");
        using var again = await SurveyWebApp.PostFromAsync(admin, "/admin", "/admin/api-keys/0000dead/revoke");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("There is no active API key &#x27;0000dead&#x27;.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_viewer_sees_the_keys_but_cannot_create_one()
    {
        await _app.Factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("vera", "a viewer's long passphrase", AdminRoles.Viewer, CancellationToken.None);
        using var viewer = await SurveyWebApp.SignInAsync(_app.Client(), "vera", "a viewer's long passphrase");

        using var list = await viewer.GetAsync("/admin/api-keys");
        using var create = await SurveyWebApp.PostFromAsync(viewer, "/admin", "/admin/api-keys", ("name", "Sneaky"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(0, _app.Scalar<long>("SELECT count(*) FROM api_keys"));
    }

    public void Dispose() => _app.Dispose();

    private async Task<HttpStatusCode> ApiStatusAsync(string secret)
    {
        using var client = _app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.GetAsync("/api/v1/teams");
        return response.StatusCode;
    }

    [GeneratedRegex("id=\"secret\" readonly value=\"(?<secret>[^\"]+)\"")]
    private static partial Regex Secret();

    [GeneratedRegex("\\(id <code>(?<id>[0-9a-f]+)</code>\\)")]
    private static partial Regex KeyId();
}
