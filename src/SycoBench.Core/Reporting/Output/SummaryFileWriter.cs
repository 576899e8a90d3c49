using System.Text;
using SycoBench.Reporting.Summary;

namespace SycoBench.Reporting.Output;

/// <summary>The SPEC §6 summary CSV of a report.</summary>
public sealed class SummaryFileWriter : IReportFileWriter
{
    public void Write(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var csv = SummaryCsvWriter.ToCsv(report.Summary, report.Metadata.PositiveSide, report.Metadata.NegativeSide);
        output.Write(Encoding.UTF8.GetBytes(csv));
    }
}
