namespace SycoBench.Labeling.Storage;

/// <summary>A reviewer just added, with the sign-in code to hand to them: it is shown this once and stored only as a hash.</summary>
public sealed record NewReviewer(ReviewerAccount Account, string SignInCode);
