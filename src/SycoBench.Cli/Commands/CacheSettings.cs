namespace SycoBench.Cli.Commands;

/// <summary>
/// <c>--cache</c>: which response cache database. Declared once for every command that opens the cache (the
/// <c>cache</c> commands, and through <see cref="ModelPipelineSettings"/> run, score and label ai), so they name the
/// same file by default and describe it the same way.
/// </summary>
public class CacheSettings : CommandSettings
{
    public const string DefaultCache = "outputs/cache/responses.db";

    /// <summary>
    /// Null when not given: <c>run --resume</c> then keeps the cache its run recorded; every other command uses
    /// <see cref="CachePath"/>.
    /// </summary>
    [CommandOption("--cache <PATH>")]
    [Description("Response cache database (default outputs/cache/responses.db, which run, score and label ai share; run --resume: the run's own setting).")]
    public string? Cache { get; init; }

    /// <summary>The cache <c>--cache</c> names, else the default one.</summary>
    public string CachePath => Cache ?? DefaultCache;
}
