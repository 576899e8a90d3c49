namespace SycoBench.Cli;

/// <summary>
/// The one way a command lays out a table on the terminal: its columns in order, each either a label column (left
/// aligned) or a number column (right aligned, so digits line up). Headers are markup, as Spectre's own.
/// </summary>
internal static class ConsoleTable
{
    /// <summary>A table with these columns.</summary>
    public static Table Of(params IEnumerable<TableColumn> columns) => new Table().AddColumns(columns.ToArray());

    /// <summary>A column of words (left aligned).</summary>
    public static TableColumn LabelColumn(string header) => new(header);

    /// <summary>A column of numbers (right aligned).</summary>
    public static TableColumn NumberColumn(string header) => new TableColumn(header).RightAligned();
}
