namespace SycoBench.Labeling.Storage;

/// <summary>An answer as a reviewer sees it: no model, no run, no metadata, no judge score.</summary>
public sealed record LabelItem(long Id, string Dataset, string PromptTitle, string PromptBody, string ResponseText);
