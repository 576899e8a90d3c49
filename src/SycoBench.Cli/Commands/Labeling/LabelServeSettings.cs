using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class LabelServeSettings : PortalSettings
{
    public const string AdminTokenVariable = "SYCOBENCH_ADMIN_TOKEN";

    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, ';'-separated (port 0 picks a free port).")]
    [DefaultValue("http://127.0.0.1:5080")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    [CommandOption("--admin-token <TOKEN>")]
    [Description("The admin pages' token (at least 16 characters). Default: $SYCOBENCH_ADMIN_TOKEN, else a new random one, printed.")]
    public string? AdminToken { get; init; }

    [CommandOption("--lease-minutes <MINUTES>")]
    [Description("How long an item stays reserved for the reviewer it was given to.")]
    [DefaultValue(30)]
    public int LeaseMinutes { get; init; } = 30;

    [CommandOption("--sign-in-limit <N>")]
    [Description("Sign-in attempts allowed per client address and minute.")]
    [DefaultValue(10)]
    public int SignInLimit { get; init; } = 10;

    [CommandOption("--trusted-proxies <ADDRESSES>")]
    [Description("Reverse proxies (addresses or networks, ','-separated) whose X-Forwarded-For and X-Forwarded-Proto are believed, so cookies are Secure behind a TLS proxy. Default: none.")]
    public string? TrustedProxies { get; init; }

    public IReadOnlyList<string> TrustedProxyList =>
        TrustedProxies?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public string[] UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected override ValidationResult ValidateOptions()
    {
        if (UrlList.Length == 0)
            return ValidationResult.Error("--urls needs at least one address");
        foreach (var url in UrlList)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                return ValidationResult.Error($"--urls: '{url}' is not an http:// or https:// address");
        }

        if (TrustedProxies is not null && TrustedProxyList.Count == 0)
            return ValidationResult.Error("--trusted-proxies needs at least one address or network");
        foreach (var proxy in TrustedProxyList)
        {
            if (!LabelingOptions.IsAddressOrNetwork(proxy))
                return ValidationResult.Error($"--trusted-proxies: '{proxy}' is not an IP address or a network such as 10.0.0.0/8");
        }

        if (AdminToken is { Length: < LabelingOptions.MinimumAdminTokenLength })
            return ValidationResult.Error($"--admin-token must have at least {LabelingOptions.MinimumAdminTokenLength} characters");
        if (LeaseMinutes <= 0)
            return ValidationResult.Error($"--lease-minutes must be positive (got {LeaseMinutes})");
        if (SignInLimit <= 0)
            return ValidationResult.Error($"--sign-in-limit must be positive (got {SignInLimit})");
        return ValidationResult.Success();
    }
}
