namespace SycoBench.Scenarios;

/// <summary>A scenario file that cannot be used, with the file and the field at fault.</summary>
public sealed class ScenarioFormatException : DataFileException
{
    public ScenarioFormatException(string path, string field, string problem)
        : base(path, field, problem)
    {
    }

    public ScenarioFormatException()
    {
    }

    public ScenarioFormatException(string message)
        : base(message)
    {
    }

    public ScenarioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
