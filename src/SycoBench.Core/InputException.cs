namespace SycoBench;

/// <summary>
/// Input that SycoBench cannot use — a data file, a record, a roster, an option value — with a message that names
/// the file and the line or field. The command line prints the message as one line and exits with code 1.
/// </summary>
public class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
