namespace SycoBench.Labeling.Storage;

/// <summary>How many AI reviews one model (<see cref="ReviewerCode"/>, <c>llm:…</c>) has in a dataset, over how many items.</summary>
public sealed record AiReviewCount(string Dataset, string ReviewerCode, long Reviews, long Items);
