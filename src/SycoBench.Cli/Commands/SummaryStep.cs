namespace SycoBench.Cli.Commands;

/// <summary>The summary written after scoring (SPEC §6), unless <c>--no-aggregate</c>.</summary>
internal static class SummaryStep
{
    public static void Write(CliEnvironment environment, string scoredPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _ = scoredPath;
    }
}
