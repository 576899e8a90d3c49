using System.Globalization;

namespace SycoBench.Bench.Labeling;

/// <summary>
/// Command-line settings of the benchmark: <c>--store sqlite|postgres --via http|store --items N --reviewers N --seconds S
/// --warmup S --rate R</c>. <c>--via store</c> calls the label store directly, without the server, to split the
/// store's time from the web app's. The store is a fresh SQLite file, or a fresh database in a throwaway PostgreSQL cluster started for the
/// run (the machine's server packages, default durability settings: fsync and synchronous commit on). With a
/// rate, the reviewers together aim at R reviews per second, each on its own schedule (requests start on time even
/// when earlier ones were slow, so slow answers are not hidden by waiting); without one (0), every reviewer sends
/// its next request as soon as the last one is answered, which measures the server's capacity. The warm-up (10 s by
/// default) is not measured: on two cores the JIT needs several seconds under load to reach its optimised code, and
/// the figures are meant for a server that has been running. <c>--statements N</c> (PostgreSQL only) also prints the N
/// statements PostgreSQL spent most time in during the measured window, those inside the functions and triggers
/// included (pg_stat_statements, loaded for that run only).
/// </summary>
internal sealed record BenchOptions(int Items, int Reviewers, double Seconds, double Warmup, double Rate, string Store = "sqlite", string Via = "http", int Statements = 0)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(10_000, 50, 20, 10, 0);
        if (args.Length % 2 != 0)
            throw new ArgumentException($"option {args[^1]} has no value");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--store")
            {
                options = args[i + 1] is "sqlite" or "postgres"
                    ? options with { Store = args[i + 1] }
                    : throw new ArgumentException($"--store must be sqlite or postgres (got '{args[i + 1]}')");
                continue;
            }

            if (args[i] == "--via")
            {
                options = args[i + 1] is "http" or "store"
                    ? options with { Via = args[i + 1] }
                    : throw new ArgumentException($"--via must be http or store (got '{args[i + 1]}')");
                continue;
            }

            var value = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--items" => options with { Items = (int)value },
                "--reviewers" => options with { Reviewers = (int)value },
                "--seconds" => options with { Seconds = value },
                "--warmup" => options with { Warmup = value },
                "--rate" => options with { Rate = value },
                "--statements" => options with { Statements = (int)value },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --store, --via, --items, --reviewers, --seconds, --warmup, --rate, --statements)"),
            };
        }

        if (options.Items <= 0 || options.Reviewers <= 0 || options.Seconds <= 0 || options.Warmup < 0 || options.Rate < 0)
            throw new ArgumentException("items, reviewers and seconds must be positive; warmup and rate must not be negative");
        if (options.Statements < 0 || (options.Statements > 0 && options.Store != "postgres"))
            throw new ArgumentException("--statements takes a count of 0 or more, and only with --store postgres");
        return options;
    }
}
