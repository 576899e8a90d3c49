using System.Security.Cryptography;

namespace SycoBench.Scenarios;

/// <summary>
/// Reads a scenario file into its typed record (<see cref="ScenarioFile"/>) and validates it. Every problem is a
/// <see cref="ScenarioFormatException"/> that names the file and the field, found before any prompt is built.
/// </summary>
public static class ScenarioLoader
{
    public static Scenario Load(string path) =>
        Parse(DataFileReader.ReadBytes(path, (field, problem) => new ScenarioFormatException(path, field, problem)), path);

    public static Scenario Parse(byte[] utf8Json, string displayPath)
    {
        var file = DataFileReader.Deserialize(
            utf8Json, DataFileJsonContext.Default.ScenarioFile, (field, problem) => new ScenarioFormatException(displayPath, field, problem));
        return file.Validate(new ScenarioChecks(displayPath), Convert.ToHexStringLower(SHA256.HashData(utf8Json)));
    }
}
