using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SycoBench.Labeling.Web;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> say who
/// the client is and that it came over HTTPS. They are believed only from the configured proxies; from anyone else
/// they are ignored (a client could otherwise claim any address to escape the sign-in limit).
/// </summary>
internal static class ProxyHeaders
{
    public static ForwardedHeadersOptions Options(IEnumerable<string> trustedProxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // The defaults trust loopback; only what was configured is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in trustedProxies)
        {
            if (!TryParse(proxy, out var network))
                throw new ArgumentException($"'{proxy}' is not an IP address or a network such as 10.0.0.0/8", nameof(trustedProxies));
            options.KnownIPNetworks.Add(network);
        }

        return options;
    }

    /// <summary>An address (a network of one) or a network in CIDR notation.</summary>
    public static bool TryParse(string text, out System.Net.IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal))
            return System.Net.IPNetwork.TryParse(trimmed, out network);
        if (!IPAddress.TryParse(trimmed, out var address))
            return false;
        network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
