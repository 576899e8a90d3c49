namespace SycoBench.Cli.Commands.Labeling;

/// <summary><c>sycobench portal init-db</c>: creates the label database, or brings an existing one to the current schema.</summary>
public sealed class PortalInitDbCommand(CliEnvironment environment) : Command<PortalSettings>
{
    public override int Execute(CommandContext context, PortalSettings settings, CancellationToken cancellationToken)
    {
        var database = LabelDb.Resolve(environment, settings.Database);
        var existed = LabelDb.Exists(database);
        using var store = LabelDb.OpenOrCreate(environment, database);
        environment.Console.MarkupLineInterpolated(
            $"{(existed ? "Checked" : "Created")} [green]{LabelDb.Display(environment, database)}[/] (schema version {store.SchemaVersion}).");
        return SycoBenchCli.ExitOk;
    }
}
