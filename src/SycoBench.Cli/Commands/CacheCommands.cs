using System.Text;
using SycoBench.Models.Pipeline;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench cache path</c>: where the response cache is, and whether it exists.</summary>
public sealed class CachePathCommand(CliEnvironment environment) : Command<CacheSettings>
{
    public override int Execute(CommandContext context, CacheSettings settings, CancellationToken cancellationToken)
    {
        CacheCommands.RefuseUnknownOptions(context);
        var path = environment.Resolve(settings.CachePath);
        environment.Console.Profile.Out.Writer.WriteLine(path);
        if (!File.Exists(path))
            environment.Error.WriteLine("(no cache there yet: run and score create it on their first answer)");
        return SycoBenchCli.ExitOk;
    }
}

/// <summary><c>sycobench cache stats</c>: entries, size, hits per model, oldest and newest entry; changes nothing.</summary>
public sealed class CacheStatsCommand(CliEnvironment environment) : Command<CacheSettings>
{
    public override int Execute(CommandContext context, CacheSettings settings, CancellationToken cancellationToken)
    {
        CacheCommands.RefuseUnknownOptions(context);
        var path = environment.Resolve(settings.CachePath);
        var console = environment.Console;
        if (ResponseCacheFile.Inspect(path) is not { } stats)
        {
            console.WriteLine($"No response cache at {CacheCommands.Safe(environment.Display(path))}: nothing cached yet.");
            return SycoBenchCli.ExitOk;
        }

        console.WriteLine($"Response cache {CacheCommands.Safe(environment.Display(path))}: {CacheCommands.Count(stats.Entries)} entries, {CacheCommands.Size(stats.Bytes)} on disk.");
        if (stats.Entries == 0)
            return SycoBenchCli.ExitOk;
        console.WriteLine($"Oldest entry {CacheCommands.Time(stats.Oldest)}, newest {CacheCommands.Time(stats.Newest)}.");
        var table = ConsoleTable.Of(
            LabelColumn("model"), NumberColumn("entries"), NumberColumn("hits"), LabelColumn("oldest"), LabelColumn("newest"));
        foreach (var model in stats.Models)
        {
            table.AddRow(
                new Text(CacheCommands.Safe(model.ModelId)),
                new Text(CacheCommands.Count(model.Entries)),
                new Text(stats.HitsCountedSince is null ? "unknown" : CacheCommands.Count(model.Hits)),
                new Text(CacheCommands.Time(model.Oldest)),
                new Text(CacheCommands.Time(model.Newest)));
        }

        console.Write(table);
        console.WriteLine(stats.HitsCountedSince is { } since
            ? $"Hits: answers served from the cache instead of a call, counted since {CacheCommands.Time(since)}."
            : "Hits: unknown (this cache was written by a version that did not count them; the next run or score starts counting).");
        return SycoBenchCli.ExitOk;
    }
}

/// <summary><c>sycobench cache clear</c>: removes every entry (asks nothing) and says what it removed.</summary>
public sealed class CacheClearCommand(CliEnvironment environment) : Command<CacheSettings>
{
    public override int Execute(CommandContext context, CacheSettings settings, CancellationToken cancellationToken)
    {
        CacheCommands.RefuseUnknownOptions(context);
        new OutputGuard(environment).Store("--cache", settings.CachePath);
        var path = environment.Resolve(settings.CachePath);
        var display = CacheCommands.Safe(environment.Display(path));
        if (ResponseCacheFile.Clear(path) is not { } removed)
        {
            environment.Console.WriteLine($"No response cache at {display}: nothing to clear.");
            return SycoBenchCli.ExitOk;
        }

        var models = removed.Models.Count == 0
            ? ""
            : " (" + string.Join(", ", removed.Models.Select(m => $"{CacheCommands.Safe(m.ModelId)}: {CacheCommands.Count(m.Entries)}")) + ")";
        environment.Console.WriteLine(
            $"Removed {CacheCommands.Count(removed.Entries)} entries from {display}{models}; {CacheCommands.Size(removed.Bytes)} before, {CacheCommands.Size(ResponseCacheFile.SizeOnDisk(path))} now.");
        return SycoBenchCli.ExitOk;
    }
}

internal static class CacheCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("cache", cache =>
        {
            cache.SetDescription("The response cache that run and score share: see where it is, what it holds, or empty it.");
            cache.AddCommand<CacheStatsCommand>("stats")
                .WithDescription("Entries, size on disk, and entries and hits per model with the oldest and newest entry.")
                .WithExample("cache", "stats")
                .WithExample("cache", "stats", "--cache", "outputs/demo/cache/responses.db");
            cache.AddCommand<CacheClearCommand>("clear")
                .WithDescription("Remove every entry (asks nothing) and say how many were removed, per model.")
                .WithExample("cache", "clear");
            cache.AddCommand<CachePathCommand>("path")
                .WithDescription("Print the full path of the cache database.")
                .WithExample("cache", "path");
        });

    /// <summary>An option this command does not know is an error (exit 2) naming it, never silently ignored.</summary>
    public static void RefuseUnknownOptions(CommandContext context)
    {
        var unknown = context.Remaining.Parsed.Select(p => p.Key).Concat(context.Remaining.Raw).ToArray();
        if (unknown.Length > 0)
            throw new CliUsageException($"unknown option or argument: {Safe(string.Join(' ', unknown))} (see sycobench {context.Name} --help)");
    }

    /// <summary>Control characters (ESC, BEL …) from a file shown as \u escapes so they cannot drive the terminal.</summary>
    public static string Safe(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return builder.ToString();
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) =>
        value is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "unknown";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };
}
