namespace SycoBench.Cli.Commands.Labeling;

public sealed class ReviewersAddSettings : PortalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Who the reviewer is, one or more words (kept in the database for the admin; never exported).")]
    public string[] NameWords { get; init; } = [];

    /// <summary>The name as typed: <c>add Ada Lovelace</c> and <c>add "Ada Lovelace"</c> are the same reviewer.</summary>
    public string Name => string.Join(' ', NameWords);
}

/// <summary><c>sycobench portal reviewers add NAME</c>: puts a reviewer on the allow-list and prints their sign-in code once.</summary>
public sealed class ReviewersAddCommand(CliEnvironment environment) : Command<ReviewersAddSettings>
{
    public override int Execute(CommandContext context, ReviewersAddSettings settings, CancellationToken cancellationToken)
    {
        using var store = LabelDb.OpenOrCreate(environment, LabelDb.Resolve(environment, settings.Database));
        var added = store.Reviewers.Add(settings.Name);
        var console = environment.Console;
        console.MarkupLineInterpolated($"Added reviewer [bold]{added.Account.Name}[/] as [blue]{added.Account.Code}[/] (the code in reviews and exports).");
        console.MarkupLineInterpolated($"Sign-in code: [bold green]{added.SignInCode}[/]");
        console.MarkupLine("[grey]Give the sign-in code to the reviewer. It is stored only as a hash and cannot be shown again.[/]");
        return SycoBenchCli.ExitOk;
    }
}
