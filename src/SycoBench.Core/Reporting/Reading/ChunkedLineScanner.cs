using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace SycoBench.Reporting.Reading;

/// <summary>
/// Reads a JSONL file as fixed-size, newline-aligned chunks on several threads at once: a chunk owns the lines that
/// start inside it and reads past its end to finish its last line. Memory is one buffer per thread (the chunk size,
/// growing only for a longer line), whatever the size of the file. Line numbers are kept per chunk and made global
/// afterwards with <see cref="ScanResult.LineNumber"/>. A line longer than <see cref="Records.JsonlLimits.MaxLineBytes"/>
/// stops the scan with an <see cref="InvalidDataException"/> naming the file and the line.
/// </summary>
internal static class ChunkedLineScanner
{
    public const int DefaultChunkSize = 4 << 20;

    public static ScanResult Scan<TConsumer>(
        string path,
        IReadOnlyList<TConsumer> consumers,
        int chunkSize = DefaultChunkSize,
        CancellationToken cancellationToken = default)
        where TConsumer : ILineConsumer =>
        Scan(path, consumers, chunkSize, Records.JsonlLimits.MaxLineBytes, cancellationToken);

    /// <summary>As above with another line limit (tests use a small one).</summary>
    public static ScanResult Scan<TConsumer>(
        string path,
        IReadOnlyList<TConsumer> consumers,
        int chunkSize,
        int maxLineBytes,
        CancellationToken cancellationToken)
        where TConsumer : ILineConsumer
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        try
        {
            return Scan(handle, consumers, chunkSize, maxLineBytes, cancellationToken);
        }
        catch (LineTooLongException ex)
        {
            throw new InvalidDataException(Records.JsonlLimits.TooLong(path, LineNumberAt(handle, ex.Offset), maxLineBytes));
        }
    }

    private static ScanResult Scan<TConsumer>(
        SafeFileHandle handle, IReadOnlyList<TConsumer> consumers, int chunkSize, int maxLineBytes, CancellationToken cancellationToken)
        where TConsumer : ILineConsumer
    {
        var length = RandomAccess.GetLength(handle);
        var chunkCount = (int)Math.Max(1, (length + chunkSize - 1) / chunkSize);
        var lineCounts = new long[chunkCount];
        var next = -1;

        void Work(TConsumer consumer)
        {
            var buffer = new byte[(int)Math.Min(chunkSize + 4096L, Math.Max(length + 1, 4096L))];
            int chunk;
            while ((chunk = Interlocked.Increment(ref next)) < chunkCount)
            {
                cancellationToken.ThrowIfCancellationRequested();
                lineCounts[chunk] = ReadChunk(handle, length, chunk, chunkSize, maxLineBytes, ref buffer, consumer, cancellationToken);
            }
        }

        var workers = Math.Min(consumers.Count, chunkCount);
        if (workers <= 1)
        {
            Work(consumers[0]);
        }
        else
        {
            var threads = new Thread[workers - 1];
            Exception? failure = null;
            for (var i = 0; i < threads.Length; i++)
            {
                var consumer = consumers[i + 1];
                threads[i] = new Thread(() =>
                {
                    try
                    {
                        Work(consumer);
                    }
                    catch (Exception ex)
                    {
                        Interlocked.CompareExchange(ref failure, ex, null);
                        Volatile.Write(ref next, chunkCount);
                    }
                })
                {
                    IsBackground = true,
                    Name = "sycobench-scan-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                threads[i].Start();
            }

            try
            {
                Work(consumers[0]);
            }
            catch
            {
                Volatile.Write(ref next, chunkCount);
                foreach (var thread in threads)
                    thread.Join();
                throw;
            }

            foreach (var thread in threads)
                thread.Join();
            if (failure is not null)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return new ScanResult(length, lineCounts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ReadChunk<TConsumer>(
        SafeFileHandle handle, long length, int chunk, int chunkSize, int maxLineBytes, ref byte[] buffer, TConsumer consumer, CancellationToken cancellationToken)
        where TConsumer : ILineConsumer
    {
        var chunkStart = (long)chunk * chunkSize;
        var chunkEnd = Math.Min(chunkStart + chunkSize, length);

        // The buffer holds file bytes [bufferOffset, bufferOffset + filled).
        var bufferOffset = chunk == 0 ? 0 : chunkStart - 1;
        var filled = Fill(handle, bufferOffset, buffer, 0, length);
        var position = 0;
        if (chunk > 0)
        {
            // A line starting in this chunk follows a newline at or after the byte before the chunk.
            var newline = FindNewline(handle, length, maxLineBytes, ref buffer, ref bufferOffset, ref filled, ref position);
            if (newline < 0)
                return 0;
            position = newline + 1;
        }
        else if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            position = 3;
        }

        long lines = 0;
        while (bufferOffset + position < chunkEnd)
        {
            var newline = FindNewline(handle, length, maxLineBytes, ref buffer, ref bufferOffset, ref filled, ref position);
            var lineEnd = newline < 0 ? filled : newline;
            lines++;
            var line = buffer.AsSpan(position, lineEnd - position).Trim(" \t\r"u8);
            if (!line.IsEmpty)
                consumer.OnLine(line, chunk, lines);
            if (newline < 0)
                break;
            position = newline + 1;
            if ((lines & 0x3FF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }

        return lines;
    }

    /// <summary>
    /// The buffer index of the next newline at or after <paramref name="position"/>, reading more of the file (and
    /// moving the unread part to the front, growing the buffer for a long line) as needed; -1 at the end of the file.
    /// A line (from <paramref name="position"/>) longer than <paramref name="maxLineBytes"/> throws <see cref="LineTooLongException"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FindNewline(
        SafeFileHandle handle, long length, int maxLineBytes, ref byte[] buffer, ref long bufferOffset, ref int filled, ref int position)
    {
        var searched = position;
        while (true)
        {
            var found = buffer.AsSpan(searched, filled - searched).IndexOf((byte)'\n');
            if ((found >= 0 ? searched + found : filled) - position > maxLineBytes)
                throw new LineTooLongException(bufferOffset + position);
            if (found >= 0)
                return searched + found;
            if (bufferOffset + filled >= length)
                return -1;

            var keep = filled - position;
            if (position > 0)
            {
                Buffer.BlockCopy(buffer, position, buffer, 0, keep);
                bufferOffset += position;
                position = 0;
            }
            else if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            searched = keep;
            filled = keep + Fill(handle, bufferOffset + keep, buffer, keep, length);
        }
    }

    /// <summary>The 1-based number of the line holding byte <paramref name="offset"/> (only when reporting an error).</summary>
    private static long LineNumberAt(SafeFileHandle handle, long offset)
    {
        var buffer = new byte[1 << 16];
        long line = 1, at = 0;
        while (at < offset)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, offset - at)), at);
            if (read == 0)
                break;
            line += buffer.AsSpan(0, read).Count((byte)'\n');
            at += read;
        }

        return line;
    }

    private sealed class LineTooLongException(long offset) : Exception
    {
        public long Offset { get; } = offset;
    }

    private static int Fill(SafeFileHandle handle, long fileOffset, byte[] buffer, int at, long length)
    {
        var total = 0;
        while (at + total < buffer.Length && fileOffset + total < length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(at + total), fileOffset + total);
            if (read == 0)
                break;
            total += read;
        }

        return total;
    }
}

/// <summary>What a scan saw: the file's length and how many lines each chunk held (blank ones included).</summary>
internal sealed class ScanResult(long length, long[] lineCounts)
{
    public long Length { get; } = length;

    public long TotalLines { get; } = lineCounts.Sum();

    /// <summary>The 1-based line number in the file of the <paramref name="lineInChunk"/>-th line of <paramref name="chunk"/>.</summary>
    public long LineNumber(int chunk, long lineInChunk)
    {
        long before = 0;
        for (var i = 0; i < chunk; i++)
            before += lineCounts[i];
        return before + lineInChunk;
    }
}
