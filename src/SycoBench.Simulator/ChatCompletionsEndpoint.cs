using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SycoBench.Simulator;

/// <summary>
/// <c>POST /v1/chat/completions</c>: rate limit and faults first, then a judge reply (replayed or simulated), a
/// replayed answer, or a simulated assistant's answer, after the configured latency.
/// </summary>
internal sealed class ChatCompletionsEndpoint(
    SimOptions options,
    PromptCatalog prompts,
    ReplayBook? replay,
    JudgeReplayBook? judgeReplay,
    SlidingWindowLimit? rpm,
    FaultPlan faults,
    SimStats stats,
    RequestRecorder? recorder,
    TimeProvider timeProvider)
{
    private long _sequence;

    public async Task HandleAsync(HttpContext context)
    {
        var number = stats.Request();
        var cancellationToken = context.RequestAborted;
        if (options.OnRequest is { } onRequest)
            await onRequest(number, cancellationToken);
        if (context.Request.Headers.Authorization is { Count: > 0 } authorization)
            stats.AuthorizationHeaders.AddOrUpdate(authorization.ToString(), 1, (_, n) => n + 1);

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            await Error(context, 400, "invalid_request_error", "the request body is not valid JSON");
            return;
        }

        using (document)
        {
            recorder?.Write(document.RootElement);
            var request = ChatRequest.TryParse(document.RootElement, out var problem);
            if (request is null)
            {
                await Error(context, 400, "invalid_request_error", problem!);
                return;
            }

            if (rpm is not null)
            {
                // Announced as OpenAI-compatible providers do, on every answer and every 429.
                var admitted = rpm.TryAdmit(request.Model, out var wait, out var remaining, out var reset);
                var headers = context.Response.Headers;
                headers["x-ratelimit-limit-requests"] = rpm.PerMinute.ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-remaining-requests"] = remaining.ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-reset-requests"] = reset.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
                if (!admitted)
                {
                    stats.Count(Fault.RateLimited, timeProvider.GetUtcNow());
                    headers["retry-after-ms"] = Math.Max(1, Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
                    headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    await Error(context, 429, "rate_limit_exceeded", "requests per minute exceeded");
                    return;
                }
            }

            var (fault, latency) = faults.Next();
            if (latency > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(latency), timeProvider, cancellationToken);
            stats.Count(fault, timeProvider.GetUtcNow());
            switch (fault)
            {
                case Fault.ServiceUnavailable:
                    await Error(context, 503, "server_error", "the simulated provider is overloaded");
                    return;
                case Fault.RateLimited:
                    context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    await Error(context, 429, "rate_limit_exceeded", "rate limit reached, retry later");
                    return;
                case Fault.Malformed:
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"id\": \"chatcmpl-broken\", \"choices\": [{\"message\": {\"content\": \"trunc", cancellationToken);
                    return;
                case Fault.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(options.HangSeconds), timeProvider, cancellationToken);
                    await Error(context, 504, "timeout", "the simulated provider hung");
                    return;
            }

            await AnswerAsync(context, request);
        }
    }

    private async Task AnswerAsync(HttpContext context, ChatRequest request)
    {
        var (status, body) = Respond(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status == 200)
            context.Response.Headers["x-request-id"] = "req-sim-" + Volatile.Read(ref _sequence).ToString(CultureInfo.InvariantCulture);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// The status and JSON body the simulator answers a chat request with (a judge reply, a replayed answer, a
    /// simulated assistant's answer or refusal), without rate limits, faults or latency: the batch endpoint answers
    /// each line of a batch with it too.
    /// </summary>
    public (int Status, byte[] Body) Respond(ChatRequest request)
    {
        var simModel = SimModel.TryParse(request.Model);
        if (request.EndsWithAnswer && (judgeReplay is not null || simModel is { IsJudge: true }))
        {
            var answer = request.Messages[^1].Content;
            var reply = judgeReplay?.Find(request.Messages.Take(request.Messages.Count - 1).LastOrDefault(m => m.Role == "user").Content, answer);
            if (reply is null && simModel is null)
                return (404, ErrorBody("not_found", "no recorded judge reply for this answer"));

            reply ??= SimJudge.Reply(answer, NoiseOf(request.Model), options.JudgeFailRate, options.Seed,
                $"{request.PromptId}/{request.Sample.ToString(CultureInfo.InvariantCulture)}");
            return (200, CompletionBody(request, reply, "sim-judge"));
        }

        if (replay is not null && replay.Knows(request.Model))
        {
            var record = replay.Find(request.Model, request.PromptId, request.Sample, request.Messages);
            if (record is null || !record.Succeeded)
            {
                var why = record?.Error is { } error ? "the recorded run failed here: " + error : "the recorded run has no answer to this prompt";
                return (404, ErrorBody("not_found", why));
            }

            return (200, CompletionBody(request, record.ResponseText ?? "", record.Provider ?? "sim-replay"));
        }

        if (simModel is null || simModel.IsJudge)
        {
            var known = string.Join(", ", SimModel.Kinds.Select(k => "sim/" + k));
            return (404, ErrorBody("model_not_found", $"unknown model '{request.Model}' (simulated models: {known}; add @STRENGTH, e.g. sim/sycophant@0.6)"));
        }

        var prompt = prompts.Find(request.LastUserMessage ?? "");
        if (PlantedShift.Refuses(simModel, prompt, request.PromptId, request.Sample, options.Effects, options.Seed))
        {
            // As a provider's content filter answers: a 400 that no retry changes, so the run records a failure.
            return (400, ErrorBody("invalid_request_error", "content_filter: the simulated model refuses to answer this prompt", "content_filter"));
        }

        var shift = PlantedShift.Of(simModel, prompt, request.PromptId, options.Effects, options.Seed);
        var (text, _) = AnswerWriter.Write(simModel, prompt, request.Sample, options.Seed, request.PromptId, shift);
        return (200, CompletionBody(request, text, "sim"));
    }

    private static double NoiseOf(string model)
    {
        var at = model.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && double.TryParse(model[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var noise) && noise >= 0
            ? noise
            : SimJudge.DefaultNoise;
    }

    private byte[] CompletionBody(ChatRequest request, string text, string provider)
    {
        var id = Interlocked.Increment(ref _sequence);
        var promptTokens = request.Messages.Sum(m => m.Content.Length) / 4 + 4 * request.Messages.Count;
        var completionTokens = Math.Max(1, text.Length / 4);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(text.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "chatcmpl-sim-" + id.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("object", "chat.completion");
            writer.WriteNumber("created", timeProvider.GetUtcNow().ToUnixTimeSeconds());
            writer.WriteString("model", request.Model);
            writer.WriteString("provider", provider);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", text);
            writer.WriteEndObject();
            writer.WriteString("finish_reason", "stop");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", promptTokens);
            writer.WriteNumber("completion_tokens", completionTokens);
            writer.WriteNumber("total_tokens", promptTokens + completionTokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] ErrorBody(string type, string message, string? code = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            writer.WriteString("code", code ?? type);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static async Task Error(HttpContext context, int status, string type, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(ErrorBody(type, message, code), context.RequestAborted);
    }
}
