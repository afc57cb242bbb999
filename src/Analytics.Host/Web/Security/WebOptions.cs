using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Web.Security;

/// <summary>Settings of the web edge, section <c>Pulse:Web</c>: which proxies to believe and how large a request may be.</summary>
internal sealed class WebOptions
{
    public const string Section = "Pulse:Web";

    /// <summary>
    /// Addresses of reverse proxies (for example <c>10.0.0.5</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed. Empty, the default, believes no one: a client talking to the service
    /// directly cannot claim another address or HTTPS.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of reverse proxies in CIDR form (for example <c>10.0.0.0/8</c>), believed like <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Largest HTML form body accepted, in bytes: room for every answer at its own limit, so an answer over its limit gets its own message.</summary>
    [Range(16 * 1024, 16 * 1024 * 1024)]
    public long MaxFormBytes { get; set; } = 256 * 1024;

    /// <summary>Largest JSON body of <c>POST /api/v1/ratings</c>, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxJsonBytes { get; set; } = 16 * 1024;
}
