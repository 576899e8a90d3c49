using System.Text;

namespace SycoBench.Records;

/// <summary>One record of a CSV file and the line it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);

/// <summary>
/// Reads CSV (RFC 4180): comma-separated fields, quoted fields with doubled quotes and line breaks inside, <c>\n</c> or
/// <c>\r\n</c> line ends, a byte order mark at the start. A quote inside an unquoted field, text after a closing quote
/// or a quote left open stops the reading with an <see cref="InputException"/> naming the file and line: a silently
/// misread spreadsheet would put values in the wrong columns.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var quoted = false;
        var afterQuote = false;
        var atFieldStart = true;
        var any = false;
        int c;
        if (reader.Peek() == '\uFEFF')
            reader.Read();
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    atFieldStart = true;
                    any = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    if (any || field.Length > 0 || afterQuote)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    afterQuote = false;
                    atFieldStart = true;
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    any = true;
                    break;
                case '"':
                    throw new InputException($"{fileName}:{line}: a quote inside an unquoted field (quote the whole field and double the quote)");
                default:
                    if (afterQuote)
                        throw new InputException($"{fileName}:{line}: text after the closing quote of a field");
                    field.Append(ch);
                    atFieldStart = false;
                    any = true;
                    break;
            }
        }

        if (quoted)
            throw new InputException($"{fileName}:{recordLine}: a quoted field is never closed");
        if (any || field.Length > 0 || afterQuote)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }
}
