using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1 for the tests: discovery, a JWKS with an RSA key made here, an
/// authorize endpoint that sends the browser straight back with a code, and a token endpoint that issues a signed
/// id_token saying what the test chose (roles, audience, signing key).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "pulse-tests";
    public const string ClientSecret = "pulse-tests-secret";
    private const string KeyId = "test-key";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, string> _nonceByCode = new();
    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app) => _app = app;

    /// <summary>The issuer, also where discovery is found.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>The clock the tokens are issued by: the service's, so lifetimes agree whatever the test's time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The values of the <c>roles</c> claim of the next token; none leaves the claim out.</summary>
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>The audience of the next token.</summary>
    public string Audience { get; set; } = ClientId;

    /// <summary>When set, the next token is signed with this key instead of the published one (under the same key id).</summary>
    public RSA? ForgedKey { get; set; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = new TestIdentityProvider(builder.Build());
        provider.Map();
        await provider._app.StartAsync();
        provider.Authority = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        _app.MapGet("/authorize", (string redirect_uri, string state, string nonce) =>
        {
            var code = Guid.NewGuid().ToString("N");
            _nonceByCode[code] = nonce;
            return Results.Redirect($"{redirect_uri}?code={code}&state={Uri.EscapeDataString(state)}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !_nonceByCode.TryRemove(form["code"].ToString(), out var nonce))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = IdToken(nonce) });
        });
    }

    private string IdToken(string nonce)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = "user-42", ["preferred_username"] = "sso.user", ["nonce"] = nonce };
        if (Roles.Count > 0)
        {
            claims["roles"] = Roles.ToList();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(ForgedKey ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
