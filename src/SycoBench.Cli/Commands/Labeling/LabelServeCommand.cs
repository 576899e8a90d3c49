using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SycoBench.Labeling;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary><c>sycobench label serve</c>: runs the review web app until Ctrl+C (a clean stop, exit code 0).</summary>
public sealed class LabelServeCommand(CliEnvironment environment) : AsyncCommand<LabelServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LabelServeSettings settings, CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var token = settings.AdminToken ?? environment.Variables(LabelServeSettings.AdminTokenVariable);
        var generated = string.IsNullOrEmpty(token);
        if (generated)
            token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        else if (token!.Length < LabelingOptions.MinimumAdminTokenLength)
            throw new CliUsageException($"${LabelServeSettings.AdminTokenVariable} must have at least {LabelingOptions.MinimumAdminTokenLength} characters");

        var database = LabelDb.Resolve(environment, settings.Database);
        new OutputGuard(environment).Store("--db", database);
        var options = new LabelingOptions
        {
            DatabasePath = database.Value,
            AdminToken = token!,
            LeaseDuration = TimeSpan.FromMinutes(settings.LeaseMinutes),
            SignInAttemptsPerMinute = settings.SignInLimit,
            TrustedProxies = settings.TrustedProxyList,
            LogToConsole = true,
        };
        await using var app = LabelingApp.Build(options, settings.UrlList);
        try
        {
            // Binds the addresses first, then opens the database: a port in use leaves nothing behind.
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new InputException($"--urls: cannot listen on {settings.Urls}: {ex.Message}", ex);
        }
        catch (InputException)
        {
            // The database could not be opened after the server bound its addresses: let them go before reporting.
            await app.StopAsync(CancellationToken.None);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        console.MarkupLineInterpolated($"Label database [green]{LabelDb.Display(environment, database)}[/]");
        foreach (var address in addresses)
            console.MarkupLineInterpolated($"Listening on [bold]{address}[/]");
        foreach (var address in addresses)
            console.MarkupLineInterpolated($"Admin pages: {address}/admin");
        if (generated)
        {
            console.MarkupLineInterpolated($"Admin token (generated for this run; set {LabelServeSettings.AdminTokenVariable} to keep one):");
            console.MarkupLineInterpolated($"  [bold]{token}[/]");
        }
        console.MarkupLine("Press Ctrl+C to stop.");

        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await app.StopAsync(CancellationToken.None);
        console.MarkupLine("Stopped.");
        return SycoBenchCli.ExitOk;
    }
}
