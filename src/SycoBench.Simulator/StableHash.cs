using System.Text;
using SycoBench.Statistics;

namespace SycoBench.Simulator;

/// <summary>
/// FNV-1a over UTF-8: the same number for the same inputs in every process (string.GetHashCode is randomised). It seeds
/// the generator of one answer or one judge reply, so each is a fixed function of what it depends on.
/// </summary>
internal static class StableHash
{
    public static ulong Of(params string[] parts)
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

        return hash;
    }

    /// <summary>A generator seeded by the hash of <paramref name="parts"/>.</summary>
    public static SeededRandom Random(params string[] parts) => new(Of(parts));
}
