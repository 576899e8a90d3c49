namespace SycoBench.Scoring;

/// <summary>A rubric file that cannot be used, with the file and the field at fault.</summary>
public sealed class RubricFormatException : InputException
{
    public RubricFormatException(string path, string field, string problem)
        : base(string.IsNullOrEmpty(field) ? $"{path}: {problem}" : $"{path}: field '{field}': {problem}")
    {
        FilePath = path;
        Field = field;
    }

    public RubricFormatException()
    {
    }

    public RubricFormatException(string message)
        : base(message)
    {
    }

    public RubricFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string FilePath { get; } = "";

    public string Field { get; } = "";
}
