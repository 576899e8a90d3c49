using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>
/// A portal command that works on the label store <c>--db</c> names, which must exist already (a mistyped path never
/// leaves a new empty database behind): the store is opened once, checked by the output guard, the command does its
/// work and prints, and the exit code is 0. A failure is an exception, which the application turns into a message and
/// an exit code.
/// </summary>
public abstract class ExistingStoreCommand<TSettings>(CliEnvironment environment) : Command<TSettings>
    where TSettings : PortalSettings
{
    protected CliEnvironment Environment { get; } = environment;

    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var store = LabelDb.OpenExisting(Environment, settings.Database);
        Run(store, settings);
        return SycoBenchCli.ExitOk;
    }

    /// <summary>The command's work on the open store.</summary>
    protected abstract void Run(LabelStore store, TSettings settings);
}
