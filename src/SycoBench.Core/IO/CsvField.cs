namespace SycoBench.IO;

/// <summary>
/// CSV cells (RFC 4180, minimal quoting as Python's csv module does). <see cref="Text"/> is for text that came from
/// people or input files (notes, identifiers, names): a spreadsheet would run a cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return as a formula, so such a cell gets a leading apostrophe and opens as
/// the text it is. Numbers SycoBench writes itself go through <see cref="Quote"/> unchanged (−0.5 stays a number).
/// </summary>
public static class CsvField
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A cell as written: quoted when it holds a comma, a quote or a line break; empty for null.</summary>
    public static string Quote(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" :
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>A text cell that a spreadsheet opens as text, never as a formula.</summary>
    public static string Text(string? cell) => Quote(Neutralise(cell));

    /// <summary>The text with an apostrophe in front when it starts like a formula.</summary>
    public static string? Neutralise(string? cell) =>
        !string.IsNullOrEmpty(cell) && Array.IndexOf(FormulaStarts, cell[0]) >= 0 ? "'" + cell : cell;
}
