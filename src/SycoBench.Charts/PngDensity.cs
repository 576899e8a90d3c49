using System.Buffers.Binary;

namespace SycoBench.Charts;

/// <summary>
/// Writes the resolution into a PNG: a pHYs chunk (pixels per metre, unit = metre) right after IHDR, replacing any
/// pHYs the encoder wrote, so that a word processor or LaTeX places the image at its stated size.
/// </summary>
internal static class PngDensity
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    public static byte[] Set(byte[] png, int dpi)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new ArgumentException("not a PNG image", nameof(png));
        var pixelsPerMetre = (uint)Math.Round(dpi / 0.0254);
        using var output = new MemoryStream(png.Length + 21);
        output.Write(Signature);
        var density = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(density, pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(density.AsSpan(4), pixelsPerMetre);
        density[8] = 1; // unit: metre
        var offset = 8;
        while (offset + 12 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = png.AsSpan(offset + 4, 4);
            var total = 12 + length;
            if (!type.SequenceEqual("pHYs"u8))
                output.Write(png, offset, total);
            if (type.SequenceEqual("IHDR"u8))
                WriteChunk(output, "pHYs"u8, density);

            offset += total;
        }

        return output.ToArray();
    }

    /// <summary>The resolution a PNG states, in dots per inch (rounded), or null without a pHYs chunk in metres.</summary>
    public static int? Read(ReadOnlySpan<byte> png)
    {
        var offset = 8;
        while (offset + 12 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (png.Slice(offset + 4, 4).SequenceEqual("pHYs"u8) && length == 9 && png[offset + 16] == 1)
                return (int)Math.Round(BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8)..]) * 0.0254);
            offset += 12 + length;
        }

        return null;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = Crc(0xFFFFFFFFu, type);
        crc = Crc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        return table;
    }
}
