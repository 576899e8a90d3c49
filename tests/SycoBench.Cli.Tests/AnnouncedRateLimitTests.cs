using System.Net;
using System.Text;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary><c>sim serve --rpm N</c> announces its limit as OpenAI-compatible providers do, and a run reads it.</summary>
public sealed class AnnouncedRateLimitTests
{
    [Fact]
    public async Task The_simulator_announces_requests_left_and_the_reset_and_a_429_says_retry_after_ms()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { Rpm = 2 });
        using var http = new HttpClient();
        async Task<HttpResponseMessage> Ask() => await http.PostAsync(new Uri(sim.BaseUrl + "/chat/completions"),
            new StringContent("""{"model":"sim/balanced","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
        string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

        using var first = await Ask();
        using var second = await Ask();
        using var third = await Ask();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("2", Header(first, "x-ratelimit-limit-requests"));
        Assert.Equal("1", Header(first, "x-ratelimit-remaining-requests"));
        Assert.Equal("60s", Header(first, "x-ratelimit-reset-requests"));
        Assert.Equal("0", Header(second, "x-ratelimit-remaining-requests"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("0", Header(third, "x-ratelimit-remaining-requests"));
        Assert.InRange(double.Parse(Header(third, "retry-after-ms"), System.Globalization.CultureInfo.InvariantCulture), 55_000, 60_000);
    }

    [Fact]
    public async Task A_model_without_rpm_that_spent_the_announced_budget_waits_instead_of_collecting_429s()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { Rpm = 4 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        using var stop = new CancellationTokenSource();

        // Four answers spend the minute's budget; the fifth request waits for the reset (a minute) instead of being
        // sent into a 429, and the run is stopped while it waits.
        var run = CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), stop.Token, "run", "--model", "sim/balanced", "--concurrency", "1", "--limit", "6", "--out", "r");
        var log = cwd.File("r/run.log");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("rate limit", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !run.IsCompleted)
            await Task.Delay(50);
        await stop.CancelAsync();
        var result = await run;

        Assert.Contains("waits", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Equal(4, Sim.Records(cwd.File("r/run.jsonl")).Count);
        Assert.Equal(0, sim.Stats.RateLimited);
        Assert.Equal(130, result.ExitCode);
    }
}
