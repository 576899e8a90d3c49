using System.Security.Cryptography;
using SycoBench.Data;

namespace SycoBench.Scoring;

/// <summary>
/// Reads and validates a rubric file; every problem is a <see cref="DataFileException"/> naming the file and the
/// JSON path, found before any judge is asked.
/// </summary>
public static class RubricLoader
{
    public static Rubric Load(string path) => Parse(DataFileReader.ReadBytes(path), path);

    public static Rubric Parse(byte[] utf8Json, string displayPath) =>
        DataFileReader.Read(utf8Json, displayPath, DataFileJsonContext.Default.RubricJson)
            .Validate(displayPath, Convert.ToHexStringLower(SHA256.HashData(utf8Json)));
}
