namespace SycoBench.Scoring.Offline;

/// <summary>One answer and its label on the [-1, 1] axis (a judge score or the mean of human reviews).</summary>
public sealed record TrainingExample(string Text, double Label);
