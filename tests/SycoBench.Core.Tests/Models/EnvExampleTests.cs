using System.Text.RegularExpressions;
using SycoBench.Models;

namespace SycoBench.Tests.Models;

/// <summary>.env.example lists every variable SycoBench reads, and nothing else, as the original tool's did.</summary>
public sealed partial class EnvExampleTests
{
    [Fact]
    public void Env_example_lists_exactly_the_variables_the_code_and_the_provider_registry_read()
    {
        var root = RepositoryRoot();
        var listed = File.ReadAllLines(Path.Combine(root, ".env.example"))
            .Select(l => Listed().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        // Every upper-snake string literal in the code is a variable name the code reads (settings, the demo's
        // SIM_BASE_URL, the admin token), and so is a literal named like libpq's variables (PGPASSWORD); the registry
        // adds each provider's key and endpoint variables.
        var read = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var registry = ProviderRegistry.Load(Path.Combine(root, "data", "providers.json"));
        foreach (var provider in registry.Providers)
        {
            read.Add(provider.BaseUrlEnv);
            if (provider.ApiKeyEnv is { } key)
                read.Add(key);
        }

        Assert.True(read.Count > 20, string.Join(", ", read));
        Assert.Empty(read.Except(listed).Order(StringComparer.Ordinal));
        Assert.Empty(listed.Except(read).Order(StringComparer.Ordinal));
    }

    private static string RepositoryRoot() => RepositoryFolder.Root;

    [GeneratedRegex(@"^#?\s*([A-Z][A-Z0-9_]*)=")]
    private static partial Regex Listed();

    [GeneratedRegex(@"""([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PG[A-Z]+)""")]
    private static partial Regex Literal();
}
