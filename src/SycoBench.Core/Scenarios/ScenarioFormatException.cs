namespace SycoBench.Scenarios;

/// <summary>A scenario file that cannot be used, with the file and the field at fault.</summary>
public sealed class ScenarioFormatException : InputException
{
    public ScenarioFormatException(string path, string field, string problem)
        : base(string.IsNullOrEmpty(field) ? $"{path}: {problem}" : $"{path}: field '{field}': {problem}")
    {
        FilePath = path;
        Field = field;
        Problem = problem;
    }

    public ScenarioFormatException()
        : this("", "", "invalid scenario")
    {
    }

    public ScenarioFormatException(string message)
        : this("", "", message)
    {
    }

    public ScenarioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
        Field = "";
        Problem = message;
    }

    public string FilePath { get; }

    public string Field { get; }

    public string Problem { get; }
}
