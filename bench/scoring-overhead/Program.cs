using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using SycoBench.Records;
using SycoBench.Scenarios;
using SycoBench.Scoring;

// 2,160 answers (the rent-v1 grid × 20 samples, 1,500-character answers) scored at concurrency 32 by a judge that
// replies at once: the wall time, CPU and memory are the engine's own.
var repository = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var workingDirectory = Path.Combine(Path.GetTempPath(), "sycobench-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(workingDirectory);
try
{
    var scenario = ScenarioLoader.Load(Path.Combine(repository, "data", "scenarios", "rent-v1.json"));
    var rows = Enumerable.Range(0, 20).SelectMany(sample => GridBuilder.Build(scenario).Prompts.Select(p => new RunRecord
    {
        RunId = 1,
        ModelId = "sim/balanced",
        PromptId = p.PromptId,
        Perspective = p.Perspective,
        Factors = p.Factors,
        Messages = p.Messages,
        ResponseText = new string('x', 1500) + sample.ToString(CultureInfo.InvariantCulture),
        Sample = sample,
    })).ToList();
    JsonlFile.WriteAll(Path.Combine(workingDirectory, "run.jsonl"), rows, RecordJsonContext.Default.RunRecord);
    foreach (var folder in new[] { "scenarios", "rubrics" })
    {
        var target = Directory.CreateDirectory(Path.Combine(workingDirectory, "data", folder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "data", folder)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }

    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = await new ScoringEngine().RunAsync(
        new ScoringOptions { WorkingDirectory = workingDirectory, InputPath = "run.jsonl", Concurrency = 32 },
        [("sim/judge", new InstantJudge())]);
    clock.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"answers {result.RowsScored}, wall {clock.Elapsed.TotalSeconds:F2} s, engine CPU {cpu.TotalMilliseconds / result.RowsScored:F3} ms per answer, peak RSS {process.PeakWorkingSet64 / 1048576} MB"));
}
finally
{
    Directory.Delete(workingDirectory, recursive: true);
}

internal sealed class InstantJudge : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "0.3"))
        {
            Usage = new UsageDetails { InputTokenCount = 900, OutputTokenCount = 2, TotalTokenCount = 902 },
        });

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
