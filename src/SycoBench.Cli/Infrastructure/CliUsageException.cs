namespace SycoBench.Cli;

/// <summary>Options that do not make sense together or out of range: exit code 2, like a parse error.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
