namespace SycoBench.Models.Pipeline;

/// <summary>A model call that failed for good (after its retries); <see cref="Exception.Message"/> is one line for the record.</summary>
public sealed class ModelCallException : Exception
{
    public ModelCallException(string message, int retries, Exception innerException)
        : base(message, innerException)
    {
        Retries = retries;
    }

    public ModelCallException()
    {
    }

    public ModelCallException(string message)
        : base(message)
    {
    }

    public ModelCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Retries { get; }
}
