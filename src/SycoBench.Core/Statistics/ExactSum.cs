namespace SycoBench.Statistics;

/// <summary>
/// The exactly rounded sum of doubles (Shewchuk's algorithm, as Python's <c>math.fsum</c>): the partials hold the sum
/// without any rounding error, so the result does not depend on the order of the additions. Reports need this because
/// a large file is read in parallel chunks, and the same input must always give the same digits.
/// </summary>
public sealed class ExactSum
{
    private readonly List<double> _partials = new(4);

    public long Count { get; private set; }

    public void Add(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), "only finite numbers can be summed exactly");
        AddPartial(value);
        Count++;
    }

    /// <summary>Adds every value that <paramref name="other"/> holds.</summary>
    public void Add(ExactSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var partial in other._partials)
            AddPartial(partial);
        Count += other.Count;
    }

    /// <summary>The exact sum rounded once to the nearest double (ties to even).</summary>
    public double Value
    {
        get
        {
            var n = _partials.Count;
            if (n == 0)
                return 0.0;
            var hi = _partials[--n];
            var lo = 0.0;
            while (n > 0)
            {
                var x = hi;
                var y = _partials[--n];
                hi = x + y;
                var yr = hi - x;
                lo = y - yr;
                if (lo != 0.0)
                    break;
            }

            // Correct the rounding when the rest of the partials push a half-way case over the edge.
            if (n > 0 && ((lo < 0.0 && _partials[n - 1] < 0.0) || (lo > 0.0 && _partials[n - 1] > 0.0)))
            {
                var y = lo * 2.0;
                var x = hi + y;
                var yr = x - hi;
                if (y == yr)
                    hi = x;
            }

            return hi;
        }
    }

    private void AddPartial(double x)
    {
        var i = 0;
        for (var j = 0; j < _partials.Count; j++)
        {
            var y = _partials[j];
            if (Math.Abs(x) < Math.Abs(y))
                (x, y) = (y, x);
            var hi = x + y;
            var lo = y - (hi - x);
            if (lo != 0.0)
                _partials[i++] = lo;
            x = hi;
        }

        _partials.RemoveRange(i, _partials.Count - i);
        _partials.Add(x);
    }
}
