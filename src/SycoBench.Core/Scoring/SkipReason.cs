using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>Why a run row is not sent to a judge (SPEC §5), in the order they are checked.</summary>
public static class SkipReason
{
    public const string RunErrorPrefix = "run-error: ";
    public const string MissingResponse = "missing-response";
    public const string MissingMessages = "missing-messages";

    /// <summary>The reason, or null when the row can be judged.</summary>
    public static string? Of(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Error is not null)
            return RunErrorPrefix + row.Error;
        if (string.IsNullOrWhiteSpace(row.ResponseText))
            return MissingResponse;
        if (row.Messages is null || row.Messages.Count == 0)
            return MissingMessages;
        return null;
    }

    /// <summary>The reason without its detail: <c>run-error</c>, <c>missing-response</c>, <c>missing-messages</c>.</summary>
    public static string Kind(string reason) =>
        reason.StartsWith(RunErrorPrefix, StringComparison.Ordinal) ? "run-error" : reason;
}
