namespace SycoBench.Reporting.Paired;

/// <summary>
/// Per-scenario values of one or more statistics, one row per matched triplet that has what they need: the input of a
/// bootstrap over scenarios. Rows keep their triplet index, so two models' tables can be paired.
/// </summary>
internal sealed class ScenarioTable(int columns)
{
    private readonly List<double> _values = [];
    private readonly List<int> _triplets = [];

    public int Columns { get; } = columns;

    public int Rows => _triplets.Count;

    public IReadOnlyList<int> Triplets => _triplets;

    public ReadOnlySpan<double> Values => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values);

    public void Add(int triplet, ReadOnlySpan<double> row)
    {
        if (row.Length != Columns)
            throw new ArgumentException($"a row has {Columns} values", nameof(row));
        _triplets.Add(triplet);
        foreach (var value in row)
            _values.Add(value);
    }

    public double Value(int row, int column) => _values[row * Columns + column];

    public double Mean(int column)
    {
        if (Rows == 0)
            return double.NaN;
        double sum = 0;
        for (var row = 0; row < Rows; row++)
            sum += Value(row, column);
        return sum / Rows;
    }

    /// <summary>Sample standard deviation (n − 1) of a column; NaN below two rows.</summary>
    public double StandardDeviation(int column)
    {
        if (Rows < 2)
            return double.NaN;
        var mean = Mean(column);
        double squares = 0;
        for (var row = 0; row < Rows; row++)
        {
            var d = Value(row, column) - mean;
            squares += d * d;
        }

        return Math.Sqrt(squares / (Rows - 1));
    }

    public double[] Column(int column)
    {
        var values = new double[Rows];
        for (var row = 0; row < Rows; row++)
            values[row] = Value(row, column);
        return values;
    }
}
