namespace SycoBench.Cli.Commands.Labeling;

/// <summary>The human-labeling commands: <c>label serve</c>, <c>portal …</c> and <c>agreement</c>.</summary>
public static class LabelingCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("label", label =>
        {
            label.SetDescription("The review web app where people score answers.");
            LabelServeCommand.Register(label);
            LabelAiCommand.Register(label);
        });
        config.AddBranch("portal", portal =>
        {
            portal.SetDescription("The label database: create it, add reviewers, push answers in, pull reviews out.");
            PortalInitDbCommand.Register(portal);
            portal.AddBranch("reviewers", reviewers =>
            {
                reviewers.SetDescription("The reviewers allowed to sign in.");
                ReviewersAddCommand.Register(reviewers);
                ReviewersListCommand.Register(reviewers);
                ReviewersDisableCommand.Register(reviewers);
            });
            PortalPushCommand.Register(portal);
            PortalPullCommand.Register(portal);
            PortalStatusCommand.Register(portal);
            PortalDeleteLlmReviewsCommand.Register(portal);
            PortalImportLegacyCommand.Register(portal);
            PortalBackupCommand.Register(portal);
            PortalMigrateCommand.Register(portal);
        });
        AgreementCommand.Register(config);
    }
}
