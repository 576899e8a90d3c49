using System.Globalization;
using System.Text;
using SycoBench.IO;

namespace SycoBench.Reporting.Summary;

/// <summary>
/// Writes the summary CSV exactly as the original tool did: Python's csv module (<c>\r\n</c> line ends, minimal
/// quoting) and <c>f"{x:.4f}"</c> numbers. The side columns are named after the scenario's sides: for rent-v1 the
/// header is SPEC §6's, <c>landlord_n,…,tenant_uplift</c>.
/// </summary>
public static class SummaryCsvWriter
{
    public static string Header(string positiveSide, string negativeSide) =>
        $"model_id,n,mean_score,p_neg,p_neu,p_pos,{positiveSide}_n,{positiveSide}_agree_p,{positiveSide}_uplift," +
        $"{negativeSide}_n,{negativeSide}_agree_p,{negativeSide}_uplift";

    public static string ToCsv(IEnumerable<ModelSummary> rows, string positiveSide, string negativeSide)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(Header(positiveSide, negativeSide)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',',
                CsvField.Quote(row.ModelId),
                Count(row.N),
                Number(row.MeanScore),
                Number(row.PNeg),
                Number(row.PNeu),
                Number(row.PPos),
                Count(row.PositiveN),
                Number(row.PositiveAgreeP),
                Number(row.PositiveUplift),
                Count(row.NegativeN),
                Number(row.NegativeAgreeP),
                Number(row.NegativeUplift));
            text.Append("\r\n");
        }

        return text.ToString();
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? InvariantNumber.Fixed(v, 4) : "";
}
