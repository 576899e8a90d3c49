using System.Security.Cryptography;
using SycoBench.Models;

namespace SycoBench.Studies;

/// <summary>A validated study file, frozen: what <c>study run</c> and <c>study plan</c> turn into the four stages.</summary>
public sealed record Study
{
    public required StudyFile File { get; init; }

    public required StudyStamp Stamp { get; init; }

    public required StudySamplingJson Sampling { get; init; }

    /// <summary>The checked inline roster entries; empty when the study names a roster file.</summary>
    public required IReadOnlyList<ModelEntry> Models { get; init; }

    public required StudyThresholdsJson Thresholds { get; init; }

    public required StudyReportJson Report { get; init; }

    /// <summary>
    /// Reads and checks <paramref name="path"/>; <paramref name="displayPath"/> names it in errors and in the stamp. A
    /// problem is a <see cref="DataFileException"/> naming the file and the JSON path of the field.
    /// </summary>
    public static Study Load(string path, string displayPath)
    {
        var bytes = DataFileReader.ReadBytes(path, (field, problem) => new DataFileException(displayPath, field, problem));
        var file = DataFileReader.Deserialize(bytes, DataFileJsonContext.Default.StudyFile, (field, problem) => new DataFileException(displayPath, field, problem));
        return file.Validate(displayPath, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
