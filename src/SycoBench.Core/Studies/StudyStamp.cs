using System.Text.Json.Serialization;

namespace SycoBench.Studies;

/// <summary>
/// The study file an output was made from: its path as given and the SHA-256 of its bytes. Written into run_grid.json,
/// stats.json, report.html and the study folder's state, so every number can be traced to the file that asked for it.
/// </summary>
public sealed record StudyStamp(string Path, string Sha256, string? Title);
