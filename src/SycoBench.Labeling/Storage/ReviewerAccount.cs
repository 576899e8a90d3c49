namespace SycoBench.Labeling.Storage;

/// <summary>A reviewer: <see cref="Code"/> is their public pseudonym in reviews and exports, never a credential.</summary>
public sealed record ReviewerAccount(string Code, string Name, string CreatedAt, string? DisabledAt)
{
    public bool IsActive => DisabledAt is null;
}
