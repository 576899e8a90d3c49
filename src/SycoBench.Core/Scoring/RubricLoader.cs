using System.Security.Cryptography;
namespace SycoBench.Scoring;

/// <summary>
/// Reads and validates a rubric file; every problem is a <see cref="DataFileException"/> naming the file and the
/// JSON path, found before any judge is asked.
/// </summary>
public static class RubricLoader
{
    public static Rubric Load(string path) => Parse(DataFileReader.ReadBytes(path, (field, problem) => new DataFileException(path, field, problem)), path);

    public static Rubric Parse(byte[] utf8Json, string displayPath) =>
        DataFileReader.Deserialize(utf8Json, DataFileJsonContext.Default.RubricJson, (field, problem) => new DataFileException(displayPath, field, problem))
            .Validate(displayPath, Convert.ToHexStringLower(SHA256.HashData(utf8Json)));
}
