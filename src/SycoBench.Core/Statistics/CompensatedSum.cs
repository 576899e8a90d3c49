namespace SycoBench.Statistics;

/// <summary>
/// A double-double running sum (Knuth's TwoSum): the rounding error of every addition is carried in a second double.
/// For scores in [-1, 1] the sum is exact in practice, so per-scenario means do not depend on the order in which a
/// file's chunks were read. A 16-byte value type, cheap enough to keep one per model, scenario and perspective.
/// </summary>
public struct CompensatedSum
{
    private double _high;
    private double _low;

    public readonly double Value => _high + _low;

    public void Add(double value)
    {
        var sum = _high + value;
        var virtualValue = sum - _high;
        var error = (_high - (sum - virtualValue)) + (value - virtualValue);
        _high = sum;
        _low += error;
    }

    public void Add(CompensatedSum other)
    {
        Add(other._high);
        _low += other._low;
    }
}
