namespace SycoBench.Statistics;

/// <summary>
/// The stream numbers of <see cref="SeededRandom.For"/>, one per purpose, kept in one place so that no two purposes
/// draw the same numbers from the same user seed. A purpose that needs one stream per size adds the size to its base.
/// </summary>
public static class SeedStreams
{
    /// <summary>Bootstrap resamples; plus the number of units resampled.</summary>
    public const ulong Bootstrap = 0xB0075_7A9;

    /// <summary>Monte-Carlo sign vectors of the sign-flip test; plus the number of differences.</summary>
    public const ulong SignFlip = 0x5169_F11B;

    /// <summary>The balanced sample of a grid (<c>grid --sample</c>).</summary>
    public const ulong GridSample = 0x6121_D5A3;

    /// <summary>The sample of answers pushed for human review.</summary>
    public const ulong ReviewSample = 0x5EED_5A3F;

    /// <summary>The held-out split of the offline scorer's training set.</summary>
    public const ulong TrainingSplit = 0x7121_5B17;

    /// <summary>The faults and latencies the simulated provider injects.</summary>
    public const ulong SimulatorFaults = 0x5EED_FA17;
}
