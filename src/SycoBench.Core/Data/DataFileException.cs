namespace SycoBench.Data;

/// <summary>
/// A data file (roster, provider registry, rubric) that cannot be used: the file, the JSON path of the value at fault
/// (<c>anchors[1].meaning</c>, <c>[3].concurrency</c>; empty for the whole file) and what is wrong with it.
/// </summary>
public class DataFileException : InputException
{
    public DataFileException(string filePath, string field, string problem)
        : base(string.IsNullOrEmpty(field) ? $"{filePath}: {problem}" : $"{filePath}: field '{field}': {problem}")
    {
        FilePath = filePath;
        Field = field;
        Problem = problem;
    }

    public DataFileException()
        : this("", "", "invalid data file")
    {
    }

    public DataFileException(string message)
        : this("", "", message)
    {
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
        Field = "";
        Problem = message;
    }

    public string FilePath { get; }

    /// <summary>The JSON path of the value at fault, without the leading <c>$</c>; empty for the whole file.</summary>
    public string Field { get; }

    public string Problem { get; }

    /// <summary>The path of <paramref name="member"/> inside the value at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string member) => parent.Length == 0 ? member : $"{parent}.{member}";

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
