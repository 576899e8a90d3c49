namespace SycoBench.Labeling.Storage;

/// <summary>
/// An item leased to a reviewer until <see cref="ExpiresAt"/>. <see cref="LoadBefore"/> is how many reviews and live
/// leases the item had when it was handed out (3 or more only when no item needing a review was left for this
/// reviewer); <see cref="Resumed"/> is true when the reviewer got back the item they already held.
/// </summary>
public sealed record Assignment(LabelItem Item, int LoadBefore, bool Resumed, DateTimeOffset ExpiresAt);
