using SycoBench.Labeling.Storage;

namespace SycoBench.Cli.Commands.Labeling;

public sealed class ReviewersDisableSettings : PortalSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("The reviewer's code (R-…), as shown by 'reviewers list'.")]
    public string Code { get; init; } = "";
}

/// <summary><c>sycobench portal reviewers disable CODE</c>: the reviewer can no longer sign in; their reviews stay.</summary>
public sealed class ReviewersDisableCommand(CliEnvironment environment) : ExistingStoreCommand<ReviewersDisableSettings>(environment)
{
    protected override void Run(LabelStore store, ReviewersDisableSettings settings)
    {
        if (store.Reviewers.Find(settings.Code) is null)
            throw new InputException($"{LabelDb.Display(Environment, store.Location)}: no reviewer with the code '{settings.Code}'");
        var changed = store.Reviewers.Disable(settings.Code);
        Environment.Console.MarkupLineInterpolated($"{settings.Code}: {(changed ? "disabled" : "was already disabled")}.");
    }
}
