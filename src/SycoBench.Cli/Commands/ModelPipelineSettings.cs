namespace SycoBench.Cli.Commands;

/// <summary>
/// The options of every command that calls models through the per-model pipelines (<c>run</c>, <c>score</c>,
/// <c>label ai</c>): the roster that routes and prices them and the response cache they share. Declared and checked
/// once here, so the commands cannot drift apart in what these options mean or accept.
/// </summary>
public abstract class ModelPipelineSettings : CacheSettings
{
    [CommandOption("--models <FILE>")]
    [Description("Model roster (ids, providers, base_url, limits, prices): a JSON file, or the name of one in data/models (roster, sim) shipped with the program. run asks its models, score looks its judges up in it, label ai has each of them review.")]
    public string? Models { get; init; }

    [CommandOption("--no-cache")]
    [Description("Do not read or write the response cache.")]
    public bool NoCache { get; init; }

    /// <summary>The checks of the shared options, then the command's own (<see cref="ValidateOptions"/>).</summary>
    public sealed override ValidationResult Validate() =>
        NoCache && Cache is not null ? ValidationResult.Error("--no-cache and --cache cannot be combined") : ValidateOptions();

    /// <summary>The checks of a command's own options, after the shared ones.</summary>
    protected virtual ValidationResult ValidateOptions() => ValidationResult.Success();
}
