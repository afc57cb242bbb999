using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Analytics.Host.ApiKeys;

/// <summary>
/// Signs in a machine client by its key in <c>Authorization: Bearer pulse_…</c>. A call without a key, with an
/// unknown or a revoked one is answered 401 with a problem that says which.
/// </summary>
public sealed partial class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Failure = "pulse.api-key-failure";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            Context.Items[Failure] = "This API needs a key: send 'Authorization: Bearer <key>'. An admin creates one with 'analytics api-keys create'.";
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            Context.Items[Failure] = "The Authorization header must be 'Bearer <key>'.";
            return AuthenticateResult.Fail("not a bearer credential");
        }

        var key = await keys.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            Context.Items[Failure] = "The API key is not known or was revoked.";
            LogRefused(Logger, Context.Connection.RemoteIpAddress?.ToString());
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, key.KeyId), new Claim(ClaimTypes.Name, key.Name)], ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An API key is needed",
            detail: Context.Items[Failure] as string ?? "The API key is missing or not valid.").ExecuteAsync(Context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API call refused: unknown or revoked key from {Address}")]
    private static partial void LogRefused(ILogger logger, string? address);
}
