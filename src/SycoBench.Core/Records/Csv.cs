using System.Text;
using SycoBench.IO;

namespace SycoBench.Records;

/// <summary>
/// CSV (RFC 4180) the way every SycoBench CSV is written: comma-separated, a field quoted only when it holds a comma,
/// a quote or a line break, quotes doubled inside, lines ending with <c>\n</c>. Cells are written verbatim.
/// </summary>
public static class Csv
{
    /// <summary>One cell, quoted as needed (<see cref="CsvField.Quote"/>).</summary>
    public static string Field(string? cell) => CsvField.Quote(cell);

    /// <summary>One record: the fields quoted as needed, joined by commas, ended by <c>\n</c>.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Field)) + "\n";

    /// <summary>Appends one record to <paramref name="builder"/>.</summary>
    public static StringBuilder AppendLine(StringBuilder builder, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(builder);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                builder.Append(',');
            builder.Append(Field(cells[i]));
        }

        return builder.Append('\n');
    }
}
