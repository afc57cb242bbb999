using Analytics.Host.ApiKeys;
using Analytics.Host.Web.Components;
using Analytics.Host.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Admin.ApiKeys;

/// <summary>
/// <c>/admin/api-keys</c>: admins create a key (shown once), see every key and revoke one after a confirmation;
/// each is recorded in the audit log. Viewers see the list; their posts are refused like every admin action.
/// </summary>
internal static class AdminApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapAdminApiKeys(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/api-keys").RequireAuthorization().RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        admin.MapGet("", (string? notice, HttpContext context, IAntiforgery antiforgery, ApiKeyStore keys, CancellationToken ct) =>
            ListAsync(context, antiforgery, keys, StatusCodes.Status200OK, null, notice, null, ct));
        admin.MapPost("", CreateAsync);
        admin.MapGet("/{keyId}/revoke", ConfirmAsync);
        admin.MapPost("/{keyId}/revoke", RevokeAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IAntiforgery antiforgery, ApiKeyStore keys, int status, string? error, string? notice, string? name, CancellationToken ct) =>
        new RazorComponentResult<ApiKeysPage>(new { User = SignedInUser.Of(context, antiforgery), Keys = await keys.ListAsync(ct), Error = error, Notice = notice, Name = name }) { StatusCode = status };

    private static async Task<IResult> CreateAsync(HttpContext context, IAntiforgery antiforgery, ApiKeyStore keys, CancellationToken ct)
    {
        var name = (await FormPosts.ReadAsync(context.Request, ct))["name"].ToString();
        try
        {
            var key = await keys.CreateAsync(name, AdminActor.Of(context), ct);
            return new RazorComponentResult<ApiKeyCreatedPage>(new { User = SignedInUser.Of(context, antiforgery), Key = key });
        }
        catch (ArgumentException error)
        {
            return await ListAsync(context, antiforgery, keys, StatusCodes.Status400BadRequest, error.Message, null, name, ct);
        }
    }

    private static async Task<IResult> ConfirmAsync(string keyId, HttpContext context, IAntiforgery antiforgery, ApiKeyStore keys, CancellationToken ct) =>
        await keys.FindAsync(keyId, ct) is { IsActive: true } key
            ? new RazorComponentResult<RevokeApiKeyPage>(new { User = SignedInUser.Of(context, antiforgery), Key = key })
            : await ListAsync(context, antiforgery, keys, StatusCodes.Status404NotFound, $"There is no active API key '{keyId}'.", null, null, ct);

    private static async Task<IResult> RevokeAsync(string keyId, HttpContext context, IAntiforgery antiforgery, ApiKeyStore keys, CancellationToken ct)
    {
        try
        {
            await keys.RevokeAsync(keyId, AdminActor.Of(context), ct);
            return Results.Redirect($"/admin/api-keys?notice={Uri.EscapeDataString($"API key {keyId} is revoked; calls with it are refused from now on.")}");
        }
        catch (ArgumentException error)
        {
            return await ListAsync(context, antiforgery, keys, StatusCodes.Status400BadRequest, error.Message, null, null, ct);
        }
    }
}
