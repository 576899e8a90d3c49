using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SycoBench.Labeling.Tests.Cli;

public sealed partial class LabelServeCommandTests : IDisposable
{
    private readonly TempDirectory _cwd = new();

    public void Dispose() => _cwd.Dispose();

    [Fact]
    public async Task The_admin_token_comes_from_the_environment_and_is_not_printed()
    {
        const string Token = "token-from-the-environment-42";
        using var server = CliRun.Start(_cwd.Path, new Dictionary<string, string?> { ["SYCOBENCH_ADMIN_TOKEN"] = Token }, "label", "serve", "--urls", "http://127.0.0.1:0");
        try
        {
            var (address, output) = await ReadUntilListeningAsync(server);

            Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(address, Token));
            Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(address, "token-from-somewhere-else"));
            Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
            Assert.True(File.Exists(_cwd.File("labels.db")));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Without_a_token_one_is_generated_and_printed()
    {
        using var server = CliRun.Start(_cwd.Path, new Dictionary<string, string?> { ["SYCOBENCH_ADMIN_TOKEN"] = null }, "label", "serve", "--urls", "http://127.0.0.1:0", "--db", "team.db");
        try
        {
            var (address, output) = await ReadUntilListeningAsync(server, untilGeneratedToken: true);
            var token = GeneratedToken().Match(output).Groups[1].Value;

            Assert.Equal(40, token.Length);
            Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(address, token));
            Assert.True(File.Exists(_cwd.File("team.db")));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_creates_nothing()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliRun.ProcessAsync(_cwd.Path, "label", "serve", "--db", "team.db", "--urls", $"http://127.0.0.1:{port}",
            "--admin-token", "admin-token-0123456789");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: --urls: cannot listen on http://127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_cwd.Path));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_one_line_and_left_as_it_was()
    {
        File.WriteAllText(_cwd.File("broken.db"), "this is not a database, and it is long enough to have a header of sorts");

        // In-process: the refusal comes before the web host exists (the real process's host logging is checked above).
        var result = await CliRun.InProcessAsync(_cwd.Path, "label", "serve", "--db", "broken.db", "--urls", "http://127.0.0.1:0",
            "--admin-token", "admin-token-0123456789");

        // The store guard refuses it before anything is bound or written (a usage error: the wrong path was given).
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("broken.db exists and is not a SQLite database", line, StringComparison.Ordinal);
        Assert.Equal("this is not a database, and it is long enough to have a header of sorts", File.ReadAllText(_cwd.File("broken.db")));
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> AdminStatusAsync(Uri address, string token)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/admin");
        return response.StatusCode;
    }

    private static async Task<(Uri Address, string Output)> ReadUntilListeningAsync(Process server, bool untilGeneratedToken = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = new System.Text.StringBuilder();
        Uri? address = null;
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } match)
                address = new Uri(match.Groups[1].Value);
            // The line after the addresses (and after a generated token) ends the start-up output.
            if (address is not null && line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                return (address, output.ToString());
        }

        throw new InvalidOperationException("label serve ended early: " + output + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"keep one\):\s+([0-9a-f]{40})")]
    private static partial Regex GeneratedToken();
}
