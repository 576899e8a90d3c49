namespace SycoBench.Labeling.Storage;

/// <summary>What a database of the original labeling tool holds, read by <see cref="LegacyImporter.Read"/> before anything is written.</summary>
public sealed class LegacyContents
{
    internal LegacyContents(string path, List<LegacyImporter.LegacyItem> items, List<LegacyImporter.LegacyReview> reviews)
    {
        Path = path;
        Items = items;
        Reviews = reviews;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    internal List<LegacyImporter.LegacyItem> Items { get; }

    internal List<LegacyImporter.LegacyReview> Reviews { get; }
}
