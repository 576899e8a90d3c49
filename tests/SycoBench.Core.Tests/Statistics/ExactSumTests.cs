using SycoBench.Statistics;

namespace SycoBench.Tests.Statistics;

public sealed class ExactSumTests
{
    [Fact]
    public void Cancellation_keeps_the_small_term()
    {
        var sum = new ExactSum();
        foreach (var value in new[] { 1e16, 1.0, -1e16 })
            sum.Add(value);

        Assert.Equal(1.0, sum.Value);
        Assert.Equal(3, sum.Count);
    }

    [Fact]
    public void Result_does_not_depend_on_order_or_on_merging_partial_sums()
    {
        var random = new SeededRandom(5);
        var values = Enumerable.Range(0, 5000).Select(_ => (random.NextInt(2001) - 1000) / 1000.0 * Math.Pow(10, random.NextInt(6))).ToArray();
        var forward = new ExactSum();
        foreach (var v in values)
            forward.Add(v);
        var backward = new ExactSum();
        foreach (var v in values.Reverse())
            backward.Add(v);
        var left = new ExactSum();
        var right = new ExactSum();
        for (var i = 0; i < values.Length; i++)
            (i % 3 == 0 ? left : right).Add(values[i]);
        left.Add(right);

        Assert.Equal(forward.Value, backward.Value);
        Assert.Equal(forward.Value, left.Value);
        Assert.Equal(values.Length, left.Count);
    }

    [Fact]
    public void Tenths_sum_to_the_correctly_rounded_value_where_naive_summation_drifts()
    {
        var sum = new ExactSum();
        double naive = 0;
        for (var i = 0; i < 10; i++)
        {
            sum.Add(0.1);
            naive += 0.1;
        }

        Assert.Equal(1.0, sum.Value);
        Assert.NotEqual(1.0, naive);
    }

    [Fact]
    public void Non_finite_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactSum().Add(double.NaN));
    }

    [Fact]
    public void Compensated_sum_of_scores_is_order_independent()
    {
        var random = new SeededRandom(9);
        var scores = Enumerable.Range(0, 2000).Select(_ => (random.NextInt(201) - 100) / 100.0).ToArray();
        var a = default(CompensatedSum);
        foreach (var s in scores)
            a.Add(s);
        var b = default(CompensatedSum);
        var c = default(CompensatedSum);
        for (var i = scores.Length - 1; i >= 0; i--)
        {
            if (i % 2 == 0)
                b.Add(scores[i]);
            else
                c.Add(scores[i]);
        }

        b.Add(c);
        var exact = new ExactSum();
        foreach (var s in scores)
            exact.Add(s);
        Assert.Equal(exact.Value, a.Value);
        Assert.Equal(exact.Value, b.Value);
    }
}
