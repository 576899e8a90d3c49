using Spectre.Console.Cli.Help;

namespace SycoBench.Cli;

/// <summary>
/// Checks the words of a command line against the command model before anything runs: an unknown or misspelt option,
/// an option given without its value, an option that takes one value given twice (the framework would keep the last
/// and drop the first without a word), a value that is not of the option's number type (a whole number, a number), an
/// unknown command word, or arguments after <c>--</c> are refused with one line that names them (and the closest real
/// name). Nothing given is ever ignored.
/// </summary>
public static class CommandLineCheck
{
    private static readonly string[] HelpNames = ["--help", "-h", "-?"];

    /// <exception cref="CliUsageException">the command line asks for something the command does not have.</exception>
    public static void Check(ICommandModel model, IReadOnlyList<string> args)
    {
        ICommandContainer container = model;
        ICommandInfo? command = null;
        var index = 0;
        for (; index < args.Count; index++)
        {
            var next = container.Commands.FirstOrDefault(c => string.Equals(c.Name, args[index], StringComparison.Ordinal));
            if (next is null)
                break;
            command = next;
            container = next;
        }

        if (index < args.Count && container.Commands.Count > 0 && !IsOptionLike(args[index]) && args[index] != "--")
        {
            var names = container.Commands.Where(c => !c.IsHidden).Select(c => c.Name).ToList();
            throw new CliUsageException($"unknown command '{args[index]}'{Suggest(args[index], names, $"{CommandCatalog.Title(command)} --help")}");
        }

        var options = CommandCatalog.OptionsOf(command);
        var positionals = 0;
        var given = new HashSet<ICommandOption>();
        for (; index < args.Count; index++)
        {
            var token = args[index];
            if (token == "--")
            {
                if (index + 1 < args.Count)
                    throw new CliUsageException($"unexpected argument '{args[index + 1]}' after '--': {CommandCatalog.Title(command)} takes none");
                break;
            }

            if (!IsOptionLike(token))
            {
                CheckPositional(command, token, positionals++);
                continue;
            }

            var (name, inlineValue) = SplitInlineValue(token);
            if (HelpNames.Contains(name, StringComparer.Ordinal))
                continue;
            if (!name.StartsWith("--", StringComparison.Ordinal) && name.Length > 2)
            {
                // "-abc": stacked one-letter flags.
                foreach (var letter in name[1..])
                    _ = Find(options, "-" + letter, command);
                continue;
            }

            var option = Find(options, name, command);
            if (!option.IsFlag && !IsRepeatable(option) && !given.Add(option))
                throw new CliUsageException($"option '{name}' is given twice: {CommandCatalog.Title(command)} takes one value for it (only the last would be used)");
            if (option.IsFlag || option.ValueIsOptional)
                continue;
            if (inlineValue)
            {
                CheckValue(option, name, token[(name.Length + 1)..]);
                continue;
            }

            if (index + 1 >= args.Count || IsOptionLike(args[index + 1]) || args[index + 1] == "--")
                throw new CliUsageException($"option '{name}' needs a value ({option.ValueName})");
            index++;
            CheckValue(option, name, args[index]);
        }
    }

    /// <summary>
    /// A value that cannot be read as the option's number type is refused naming the option and what it takes; the
    /// framework's own message ("Failed to convert '1.5' to Nullable`1.") names neither.
    /// </summary>
    private static void CheckValue(ICommandOption option, string name, string value)
    {
        if (option is not Spectre.Console.Cli.ICommandParameterInfo { ParameterType: { } declared })
            return;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var whole = type == typeof(int) || type == typeof(long);
        if (!whole && type != typeof(double))
            return;
        var styles = whole ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
        var fits = type == typeof(int) ? int.TryParse(value, styles, CultureInfo.InvariantCulture, out _)
            : type == typeof(long) ? long.TryParse(value, styles, CultureInfo.InvariantCulture, out _)
            : double.TryParse(value, styles, CultureInfo.InvariantCulture, out _);
        if (fits)
            return;
        if (whole && System.Numerics.BigInteger.TryParse(value, styles, CultureInfo.InvariantCulture, out _))
        {
            var (min, max) = type == typeof(int) ? ((long)int.MinValue, (long)int.MaxValue) : (long.MinValue, long.MaxValue);
            throw new CliUsageException(
                $"option '{name}' takes a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (got '{value}')");
        }

        throw new CliUsageException($"option '{name}' takes {(whole ? "a whole number" : "a number")} (got '{value}')");
    }

    private static void CheckPositional(ICommandInfo? command, string token, int position)
    {
        var arguments = command?.Parameters.OfType<ICommandArgument>().OrderBy(a => a.Position).ToList() ?? [];
        if (position < arguments.Count || arguments.Any(IsVector))
            return;
        var takes = arguments.Count == 0
            ? "takes no arguments"
            : $"takes {arguments.Count}: {string.Join(' ', arguments.Select(a => "<" + a.Value + ">"))}";
        throw new CliUsageException(
            $"unexpected argument '{token}': {CommandCatalog.Title(command)} {takes} (options start with --; quote a value that has spaces)");
    }

    /// <summary>An option whose values are collected (an array, such as <c>report --input A --input B</c>).</summary>
    private static bool IsRepeatable(ICommandOption option) =>
        option is Spectre.Console.Cli.ICommandParameterInfo { ParameterType.IsArray: true };

    private static bool IsVector(ICommandArgument argument) =>
        argument is Spectre.Console.Cli.ICommandParameterInfo { ParameterType.IsArray: true };

    private static ICommandOption Find(IReadOnlyList<ICommandOption> options, string name, ICommandInfo? command)
    {
        var isLong = name.StartsWith("--", StringComparison.Ordinal);
        var bare = name.TrimStart('-');
        var option = options.FirstOrDefault(o => (isLong ? o.LongNames : o.ShortNames).Contains(bare, StringComparer.Ordinal));
        if (option is not null)
            return option;
        var names = options.SelectMany(o => o.LongNames.Select(n => "--" + n).Concat(o.ShortNames.Select(n => "-" + n))).ToList();
        string suggestion;
        if (isLong)
        {
            suggestion = Suggest(name, names, $"{CommandCatalog.Title(command)} --help");
        }
        else
        {
            // "-i" where the command has no -i: the one long option starting with that letter, if there is exactly one.
            var starting = options.SelectMany(o => o.LongNames).Where(n => n.StartsWith(bare, StringComparison.Ordinal)).ToList();
            suggestion = starting.Count == 1 ? $" (did you mean '--{starting[0]}'?)" : $" (see '{CommandCatalog.Title(command)} --help')";
        }

        throw new CliUsageException($"unknown option '{name}'{suggestion}");
    }

    /// <summary>" (did you mean 'x'?)" for the closest candidate within a few edits, else " (see 'HELP')".</summary>
    internal static string Suggest(string given, IReadOnlyCollection<string> candidates, string help)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(given, c)))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(3, c.Name.TrimStart('-').Length / 3)) || IsPrefix(given, c.Name))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is null ? $" (see '{help}')" : $" (did you mean '{best.Name}'?)";
    }

    private static bool IsPrefix(string given, string candidate)
    {
        var bare = given.TrimStart('-');
        return bare.Length >= 3 && candidate.TrimStart('-').StartsWith(bare, StringComparison.Ordinal);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>"--x", "-x" and "--x=v" are options; "-", "-1" and "-0.5" are values.</summary>
    private static bool IsOptionLike(string token) =>
        token.Length > 1 && token[0] == '-' && token != "--"
        && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static (string Name, bool InlineValue) SplitInlineValue(string token)
    {
        var split = token.IndexOfAny(['=', ':']);
        return split > 0 ? (token[..split], true) : (token, false);
    }
}
