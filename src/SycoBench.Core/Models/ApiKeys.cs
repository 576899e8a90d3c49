namespace SycoBench.Models;

/// <summary>
/// API keys and other settings from the process environment, then from a <c>.env</c> file (the environment wins).
/// Values are never logged or written.
/// </summary>
public sealed class ApiKeys
{
    private readonly Func<string, string?> _environment;
    private readonly IReadOnlyDictionary<string, string> _dotEnv;

    public ApiKeys(Func<string, string?> environment, IReadOnlyDictionary<string, string> dotEnv)
    {
        _environment = environment;
        _dotEnv = dotEnv;
    }

    public static ApiKeys FromEnvironment(string workingDirectory, Func<string, string?>? environment = null)
    {
        var path = Path.Combine(workingDirectory, ".env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var (key, value) in DotNetEnv.Env.NoEnvVars().Load(path))
                values[key] = value;
        }

        return new ApiKeys(environment ?? Environment.GetEnvironmentVariable, values);
    }

    public string? Get(string name)
    {
        var value = _environment(name);
        if (!string.IsNullOrEmpty(value))
            return value;
        return _dotEnv.TryGetValue(name, out var fromFile) && fromFile.Length > 0 ? fromFile : null;
    }
}
