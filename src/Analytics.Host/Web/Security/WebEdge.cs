using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;

namespace Analytics.Host.Web.Security;

/// <summary>
/// What the service believes about a request and how much of it it reads (<see cref="WebOptions"/>, section
/// <c>Pulse:Web</c>): the client's address and scheme as a configured reverse proxy saw them, so cookies get
/// <c>Secure</c> behind a TLS proxy and rate limits count each client; and the size limits of forms.
/// </summary>
internal static class WebEdge
{
    /// <summary>Binds <see cref="WebOptions"/>, the forwarded headers and the form reader's limits; a proxy that is not an address fails the start.</summary>
    public static void AddPulseWebEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var proxies = web.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address
            : throw new ArgumentException($"{WebOptions.Section}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = web.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network
            : throw new ArgumentException($"{WebOptions.Section}:KnownNetworks: '{n}' is not a network in CIDR form such as 10.0.0.0/8.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The framework trusts loopback by default, and everyone when both lists are empty: only what is
            // configured counts, and nothing is believed when nothing is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        builder.Services.Configure<FormOptions>(options =>
        {
            // No single field can be longer than the whole form.
            options.ValueLengthLimit = (int)web.MaxFormBytes;
            options.MultipartBodyLengthLimit = web.MaxFormBytes;
        });
    }
}
