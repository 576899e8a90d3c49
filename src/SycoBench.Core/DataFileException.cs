namespace SycoBench;

/// <summary>
/// A data file a researcher edits (scenario, rubric, roster …) that cannot be used: the file, the field at fault as a
/// JSON path without the leading <c>$.</c> (<c>perspectives[1].template</c>; empty for the file as a whole) and
/// the problem. The message reads <c>file: field 'x': problem</c>.
/// </summary>
public class DataFileException : InputException
{
    public DataFileException(string path, string field, string problem)
        : base(string.IsNullOrEmpty(field) ? $"{path}: {problem}" : $"{path}: field '{field}': {problem}")
    {
        FilePath = path;
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

    public string Field { get; }

    public string Problem { get; }

    /// <summary>The path of <paramref name="member"/> inside the value at <paramref name="parent"/> (<c>[3].concurrency</c>).</summary>
    public static string Member(string parent, string member) => parent.Length == 0 ? member : $"{parent}.{member}";

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="parent"/> (<c>anchors[1]</c>).</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>A path found inside the value at <paramref name="parent"/>: <c>[3]</c> + <c>concurrency</c> → <c>[3].concurrency</c>.</summary>
    public static string Within(string parent, string path) =>
        path.Length == 0 ? parent : parent.Length == 0 ? path : path[0] == '[' ? parent + path : $"{parent}.{path}";
}
