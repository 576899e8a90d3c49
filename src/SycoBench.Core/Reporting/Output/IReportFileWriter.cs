namespace SycoBench.Reporting.Output;

/// <summary>Formats a computed report as one file. Writers only format: every number is computed in the report.</summary>
public interface IReportFileWriter
{
    void Write(Report report, Stream output);
}
