using System.ClientModel;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace SycoBench.Models.Pipeline;

/// <summary>Turns a failed call into one line for the record's <c>error</c> and the log — never a key or a body dump.</summary>
public static class FailureDescriber
{
    public static string Describe(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } http => $"HTTP {http.Status} {ReasonPhrase(http.Status)}: {ServerMessage(http) ?? FirstLine(http.Message)}",
        ClientResultException other => "connection failed: " + FirstLine(other.InnerException?.Message ?? other.Message),
        TimeoutRejectedException timeout => $"timed out after {timeout.Timeout.TotalSeconds:0.#} s",
        HttpRequestException http => "connection failed: " + FirstLine(http.Message),
        OperationCanceledException { InnerException: TimeoutException } => "timed out (network)",
        JsonException json => "malformed response: " + FirstLine(json.Message),
        FormatException format => "malformed response: " + FirstLine(format.Message),
        _ => exception.GetType().Name + ": " + FirstLine(exception.Message),
    };

    /// <summary>Whether another attempt may succeed: rate limits, server errors, timeouts, broken responses.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException { Status: 0 } => true,
        ClientResultException http => http.Status is 408 or 409 or 425 or 429 or >= 500,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        OperationCanceledException { InnerException: TimeoutException } => true,
        JsonException or FormatException or InvalidDataException => true,
        _ => false,
    };

    /// <summary>The server could not be reached at all (refused, DNS, TLS) — as opposed to an answer with an error status.</summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        ModelCallException wrapped when wrapped.InnerException is { } inner => IsConnectionFailure(inner),
        ClientResultException { Status: 0 } => true,
        HttpRequestException { StatusCode: null } => true,
        _ => false,
    };

    /// <summary>The provider's own explanation (<c>{"error": {"message": …}}</c>), when the body carries one.</summary>
    private static string? ServerMessage(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null || content.ToMemory().Length == 0)
                return null;
            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                    return FirstLine(error.GetString()!);
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                    return FirstLine(message.GetString()!);
            }

            return root.TryGetProperty("message", out var top) && top.ValueKind == JsonValueKind.String ? FirstLine(top.GetString()!) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";

    private static string FirstLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
