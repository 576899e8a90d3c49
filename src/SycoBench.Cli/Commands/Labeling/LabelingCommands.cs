namespace SycoBench.Cli.Commands.Labeling;

/// <summary>The human-labeling commands: <c>label serve</c>, <c>portal …</c> and <c>agreement</c>.</summary>
public static class LabelingCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("label", label =>
        {
            label.SetDescription("The review web app where people score answers.");
            label.AddCommand<LabelServeCommand>("serve")
                .WithDescription("Run the review web app.")
                .WithExample("label", "serve", "--db", "labels.db", "--urls", "http://127.0.0.1:5080");
            label.AddCommand<LabelAiCommand>("ai")
                .WithDescription("AI reviewers score a dataset's items; stored as llm:<model id>, apart from people's reviews.")
                .WithExample("label", "ai", "--dataset", "aita", "--models", "data/models/llm_labeling_models.json")
                .WithExample("label", "ai", "--dataset", "wage-v1", "--models", "judges.json", "--dry-run");
        });
        config.AddBranch("portal", portal =>
        {
            portal.SetDescription("The label database: create it, add reviewers, push answers in, pull reviews out.");
            portal.AddCommand<PortalInitDbCommand>("init-db")
                .WithDescription("Create the label database, or migrate an existing one to the current schema.")
                .WithExample("portal", "init-db", "--db", "labels.db");
            portal.AddBranch("reviewers", reviewers =>
            {
                reviewers.SetDescription("The reviewers allowed to sign in.");
                reviewers.AddCommand<ReviewersAddCommand>("add")
                    .WithDescription("Add a reviewer and print the sign-in code to give them (shown only this once).")
                    .WithExample("portal", "reviewers", "add", "Ada Lovelace");
                reviewers.AddCommand<ReviewersListCommand>("list").WithDescription("List the reviewers and how many reviews each has given.");
                reviewers.AddCommand<ReviewersDisableCommand>("disable")
                    .WithDescription("Stop a reviewer from signing in (their reviews are kept).")
                    .WithExample("portal", "reviewers", "disable", "R-7K2M9Q");
            });
            portal.AddCommand<PortalPushCommand>("push")
                .WithDescription("Push answers to be labeled into a dataset (dry run unless --apply).")
                .WithExample("portal", "push", "--run-file", "outputs/runs/1760158358/run.jsonl", "--sample", "40", "--seed", "1", "--apply")
                .WithExample("portal", "push", "--dataset", "wage", "--run-file", "outputs/runs/1760158999/run.jsonl", "--apply")
                .WithExample("portal", "push", "--dataset", "aita", "--file", "aita_seeds.jsonl");
            portal.AddCommand<PortalPullCommand>("pull")
                .WithDescription("Export reviews (with the reviewed text) as JSONL or CSV.")
                .WithExample("portal", "pull")
                .WithExample("portal", "pull", "--target", "reviews", "--dataset", "scenario", "--out", "reviews.jsonl")
                .WithExample("portal", "pull", "--dataset", "all", "--out", "reviews.csv", "--format", "csv");
            portal.AddCommand<PortalStatusCommand>("status")
                .WithDescription("Show items by review count, reviewers and coverage.")
                .WithExample("portal", "status", "--dataset", "scenario");
            portal.AddCommand<PortalDeleteLlmReviewsCommand>("delete-llm-reviews")
                .WithDescription("Delete reviews written by models (llm: codes); a dry run unless --apply.")
                .WithExample("portal", "delete-llm-reviews")
                .WithExample("portal", "delete-llm-reviews", "--dataset", "aita", "--reviewer", "llm:sim/judge", "--apply");
            portal.AddCommand<PortalImportLegacyCommand>("import-legacy")
                .WithDescription("Import a database of the original labeling tool (items, human and AI reviews); safe to repeat.")
                .WithExample("portal", "import-legacy", "--from", "old_labels.db", "--db", "labels.db");
            portal.AddCommand<PortalBackupCommand>("backup")
                .WithDescription("Write a consistent copy of the label database, also while the server is running.")
                .WithExample("portal", "backup", "--db", "labels.db", "--out", "backups/labels-2026-12-03.db");
            portal.AddCommand<PortalMigrateCommand>("migrate")
                .WithDescription("Copy a whole label store between SQLite and PostgreSQL (into a new file or an empty database).")
                .WithExample("portal", "migrate", "--from", "labels.db", "--to", "postgres://labels@db.example.org:5432/labels");
        });
        config.AddCommand<AgreementCommand>("agreement")
            .WithDescription("Agreement between reviewers, AI reviewers and the judge; the team's final consensus.")
            .WithExample("agreement", "--reviews", "reviews.jsonl")
            .WithExample("agreement", "--reviews", "reviews.jsonl", "--scored", "outputs/runs/1760158358/run_scored.jsonl")
            .WithExample("agreement", "--reviews", "data/humanLabel/reviews/aita_reviews.jsonl", "--decisions", "decisions.csv", "--html");
    }
}
