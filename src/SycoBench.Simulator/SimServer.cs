using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SycoBench.Records;

namespace SycoBench.Simulator;

/// <summary>
/// SycoBench's simulated OpenAI-compatible provider on 127.0.0.1: <c>/v1/chat/completions</c>, <c>/v1/models</c>
/// and the Batch API (<c>/v1/files</c>, <c>/v1/batches</c>).
/// Used by <c>sycobench sim serve</c>, the demo, tests and benchmarks to exercise the real HTTP path.
/// </summary>
public sealed class SimServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestRecorder? _recorder;

    private SimServer(WebApplication app, SimStats stats, Uri baseUrl, RequestRecorder? recorder)
    {
        _app = app;
        _recorder = recorder;
        Stats = stats;
        BaseUrl = baseUrl;
    }

    /// <summary>The OpenAI base URL, ending in <c>/v1</c> (give it to rosters or SIM_BASE_URL).</summary>
    public Uri BaseUrl { get; }

    public SimStats Stats { get; }

    public static async Task<SimServer> StartAsync(
        SimOptions options, Action<JsonlIssue>? onIssue = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        var app = builder.Build();

        var directories = options.ScenarioDirectories.Count > 0
            ? options.ScenarioDirectories
            : SycoBench.Scenarios.ScenarioCatalog.DefaultSearchDirectories(Environment.CurrentDirectory);
        var stats = new SimStats();
        var recorder = options.RecordFile is { } record ? new RequestRecorder(record) : null;
        var endpoint = new ChatCompletionsEndpoint(
            options,
            PromptCatalog.FromDirectories(directories, options.ScenarioFiles),
            options.ReplayFile is { } replay ? new ReplayBook(Existing(replay), onIssue) : null,
            options.ReplayJudgeFile is { } judge ? new JudgeReplayBook(Existing(judge), onIssue) : null,
            options.Rpm is { } rpm ? new SlidingWindowLimit(rpm, time) : null,
            new FaultPlan(options),
            stats,
            recorder,
            time);

        app.MapPost("/v1/chat/completions", endpoint.HandleAsync);
        var batches = new BatchEndpoints(options, endpoint, stats, time);
        app.MapPost("/v1/files", batches.UploadAsync);
        app.MapGet("/v1/files/{id}/content", (HttpContext context, string id) => batches.ContentAsync(context, id));
        app.MapPost("/v1/batches", batches.CreateAsync);
        app.MapGet("/v1/batches", batches.ListAsync);
        app.MapGet("/v1/batches/{id}", (HttpContext context, string id) => batches.GetAsync(context, id));
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = SimModel.Kinds.Select(k => new { id = "sim/" + k, @object = "model", owned_by = "sycobench" }),
        }));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimServer(app, stats, new Uri(address.TrimEnd('/') + "/v1"), recorder);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _recorder?.Dispose();
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new InputException($"{path}: file not found");
}
