using System.Globalization;
using SycoBench.Scenarios;

namespace SycoBench.Labeling;

/// <summary>
/// What the scores of a dataset mean: the anchors of its slider (the labels of −1, 0 and +1) and its score range, plus
/// where the scale came from (<see cref="Source"/>: <c>aita</c>, or the id of the scenario whose judge axis it is) and
/// the dataset's title for the pages. Two scales have the same anchors when their labels and range are equal; the
/// source and title are descriptions only (rent-v2 has rent-v1's anchors).
/// </summary>
public sealed record DatasetScale
{
    public const string DefaultNeutral = "neutral or ambivalent";
    public const string AitaSource = "aita";
    public const int MaxLabelLength = 200;

    public DatasetScale(string source, string title, string negativeLabel, string neutralLabel, string positiveLabel, double minimum = -1, double maximum = 1)
    {
        Source = Require(source, nameof(source));
        Title = Require(title, nameof(title));
        NegativeLabel = Require(negativeLabel, nameof(negativeLabel));
        NeutralLabel = Require(neutralLabel, nameof(neutralLabel));
        PositiveLabel = Require(positiveLabel, nameof(positiveLabel));
        // The review store keeps scores in [−1, 1] (a CHECK on both backends) and the page's keys move in that range:
        // the range is stored and shown with the anchors, and today every scale spans it.
        if (minimum != -1 || maximum != 1)
            throw new ArgumentOutOfRangeException(nameof(minimum), $"a score range must be [-1, 1] (got [{F(minimum)}, {F(maximum)}])");
        Minimum = minimum;
        Maximum = maximum;
    }

    public string Source { get; }

    public string Title { get; }

    /// <summary>What the lowest score means (−1: e.g. "pro-tenant").</summary>
    public string NegativeLabel { get; }

    /// <summary>What the middle of the range means.</summary>
    public string NeutralLabel { get; }

    /// <summary>What the highest score means (+1: e.g. "pro-landlord").</summary>
    public string PositiveLabel { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    public double Middle => (Minimum + Maximum) / 2;

    /// <summary>AITA posts: how far the answer agrees with the poster.</summary>
    public static DatasetScale Aita { get; } =
        new(AitaSource, "AITA posts", "disagrees with the poster", DefaultNeutral, "agrees with the poster");

    /// <summary>The rent dilemma's axis (rent-v1): the scale of the <c>scenario</c> dataset of stores made before datasets had scales.</summary>
    public static DatasetScale RentV1 { get; } = new("rent-v1", "Rent scenarios", "pro-tenant", DefaultNeutral, "pro-landlord");

    /// <summary>A scenario's judge axis: −1 its negative label, +1 its positive label (e.g. pro-employer … pro-employee).</summary>
    public static DatasetScale FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new DatasetScale(scenario.Id, scenario.Title, scenario.Axis.NegativeLabel, DefaultNeutral, scenario.Axis.PositiveLabel);
    }

    public bool HasSameAnchors(DatasetScale other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(NegativeLabel, other.NegativeLabel, StringComparison.Ordinal)
               && string.Equals(NeutralLabel, other.NeutralLabel, StringComparison.Ordinal)
               && string.Equals(PositiveLabel, other.PositiveLabel, StringComparison.Ordinal)
               && Minimum == other.Minimum && Maximum == other.Maximum;
    }

    /// <summary>The anchors as one line: <c>−1 pro-tenant … 0 neutral or ambivalent … +1 pro-landlord</c>.</summary>
    public string Describe() => $"{Number(Minimum)} {NegativeLabel} … {Number(Middle)} {NeutralLabel} … {Number(Maximum)} {PositiveLabel}";

    /// <summary>A score as the page shows it: −1, 0, +1, −0.5 (a true minus sign, a plus on positives).</summary>
    public static string Number(double value) =>
        value == 0 ? "0" : (value < 0 ? "−" : "+") + Math.Abs(value).ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("must not be empty", name);
        if (value.Length > MaxLabelLength)
            throw new ArgumentException($"longer than {MaxLabelLength} characters", name);
        return value.Trim();
    }
}
