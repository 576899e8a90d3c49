using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class ReviewersDisableSettings : PortalSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("The reviewer's code (R-…), as shown by 'reviewers list'.")]
    public string Code { get; init; } = "";
}

/// <summary><c>sycobench portal reviewers disable CODE</c>: the reviewer can no longer sign in; their reviews stay.</summary>
public sealed class ReviewersDisableCommand(CliEnvironment environment) : Command<ReviewersDisableSettings>
{
    public static void Register(IConfigurator<CommandSettings> config) =>
        config.AddCommand<ReviewersDisableCommand>("disable")
            .WithDescription("Stop a reviewer from signing in (their reviews are kept).")
            .WithExample("portal", "reviewers", "disable", "R-7K2M9Q");

    public override int Execute(CommandContext context, ReviewersDisableSettings settings, CancellationToken cancellationToken)
    {
        var database = LabelDb.Resolve(environment, settings.Database);
        // Listing or disabling on a mistyped path must not leave a new empty database behind.
        if (!LabelDb.Exists(database))
            throw new InputException($"{LabelDb.Display(environment, database)}: no such label database (create one with 'sycobench portal init-db')");
        new OutputGuard(environment).Store("--db", database);
        using var store = LabelStore.Open(database);
        if (store.Reviewers.Find(settings.Code) is null)
            throw new InputException($"{LabelDb.Display(environment, database)}: no reviewer with the code '{settings.Code}'");
        var changed = store.Reviewers.Disable(settings.Code);
        environment.Console.MarkupLineInterpolated($"{settings.Code}: {(changed ? "disabled" : "was already disabled")}.");
        return SycoBenchCli.ExitOk;
    }
}
