using System.Globalization;

namespace SycoBench.Bench.Labeling;

/// <summary>
/// The processor time (user + system) of a PostgreSQL cluster's processes, read from /proc: its postmaster (found by
/// the port on its command line) and every process it started (the connections' backends, the WAL writer). Sampled at
/// the start and the end of the measured window, so the database server's share of a review can be told apart too.
/// </summary>
internal sealed class ClusterProcessorTime(int port)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private int? _postmaster;

    /// <summary>Processor time per process of the cluster now, in seconds; empty when the cluster is not found.</summary>
    public Dictionary<int, double> Sample()
    {
        _postmaster ??= FindPostmaster();
        var times = new Dictionary<int, double>();
        if (_postmaster is not { } root)
            return times;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // After the command name in parentheses: state, ppid, ... utime (the 12th), stime (the 13th).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == root || parent == root)
                times[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }

        return times;
    }

    /// <summary>The time used between two samples (a process started meanwhile counts from zero).</summary>
    public static TimeSpan Between(Dictionary<int, double> before, Dictionary<int, double> after) =>
        TimeSpan.FromSeconds(after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)));

    private int? FindPostmaster()
    {
        var portText = port.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (args.Length > 2 && Path.GetFileName(args[0]) == "postgres" && args.Zip(args.Skip(1)).Any(a => a.First == "-p" && a.Second == portText))
                    return pid;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }
}
