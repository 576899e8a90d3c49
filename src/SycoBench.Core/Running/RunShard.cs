using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace SycoBench.Running;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> of a run's keys (<c>run --shard I/N</c>, I from 1 to N): a key
/// (model, prompt, sample) belongs to the part given by a SHA-256 of the key, so every job of an array computes the
/// same split from the key alone — whatever the order of models or prompts — and N jobs together cover every key once.
/// </summary>
public sealed record RunShard(int Index, int Count)
{
    public const int MaxCount = 100_000;

    /// <summary>Parses <c>I/N</c>; null with a message naming what is wrong.</summary>
    public static RunShard? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index >= 1 && index <= count)
        {
            return new RunShard(index, count);
        }

        problem = $"--shard must be I/N with 1 ≤ I ≤ N ≤ {MaxCount}, e.g. 1/4 (got '{text}')";
        return null;
    }

    /// <summary>The part (1 … <paramref name="count"/>) a key belongs to.</summary>
    public static int PartOf(RunKey key, int count)
    {
        var text = string.Join('\n', key.ModelId, key.PromptId, key.Sample.ToString(CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    public bool Contains(RunKey key) => Count == 1 || PartOf(key, Count) == Index;

    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";
}
