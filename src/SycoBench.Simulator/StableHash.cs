using System.Text;

namespace SycoBench.Simulator;

/// <summary>FNV-1a over UTF-8: the same seed for the same inputs in every process (string.GetHashCode is randomised).</summary>
internal static class StableHash
{
    public static int Of(params string[] parts)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }

            hash ^= 0xff;
            hash *= 1099511628211UL;
        }

        return (int)(hash ^ (hash >> 32));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
