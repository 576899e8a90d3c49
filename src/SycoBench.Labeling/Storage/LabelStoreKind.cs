namespace SycoBench.Labeling.Storage;

/// <summary>The two backends of the label store: one behaviour, two SQL dialects.</summary>
public enum LabelStoreKind
{
    /// <summary>One file on this machine (the default): nothing to install, one server process at a time.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database a team hosts: several servers and commands can share it over the network.</summary>
    Postgres,
}
