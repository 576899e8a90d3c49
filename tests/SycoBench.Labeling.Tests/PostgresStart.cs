using System.Runtime.CompilerServices;

namespace SycoBench.Labeling.Tests;

/// <summary>
/// Starts the PostgreSQL cluster of the test run as soon as the test assembly is first used, on a thread of its own:
/// more than half of the assembly's test classes need it, and otherwise the first of them waits for initdb and pg_ctl
/// while the others queue behind it.
/// </summary>
internal static class PostgresStart
{
#pragma warning disable CA2255 // A module initializer is what runs before the first test class, whichever it is.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Begin() => PostgresCluster.StartInBackground();
}
