namespace SycoBench.Records;

/// <summary>
/// Names of the fields SycoBench adds to a run record beyond SPEC §4. The scorer carries them (and the answer's tokens
/// and <c>cost_usd</c>) over to the eval record, so a scored file says what each answer cost.
/// </summary>
public static class RunRecordFields
{
    /// <summary>Where <c>cost_usd</c> came from (<see cref="Costs.CostSource"/>, or a newer value such as a batch price).</summary>
    public const string CostSource = "cost_source";

    /// <summary><c>true</c> when the answer came from the response cache: nothing was paid for it this time.</summary>
    public const string Cached = "cached";

    /// <summary>The provider's batch id when the answer was asked through a Batch API.</summary>
    public const string BatchId = "batch_id";
}
