namespace SycoBench.Labeling.Storage;

/// <summary>A dataset of the store (a row of <c>datasets</c>): its name, its scale and when its first push made it.</summary>
public sealed record LabelDataset(string Name, DatasetScale Scale, string CreatedAt);
