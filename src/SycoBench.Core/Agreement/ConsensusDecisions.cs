using System.Globalization;
using SycoBench.Records;

namespace SycoBench.Agreement;

/// <summary>One team decision: the final consensus score of an item, and the line of the file it came from.</summary>
public sealed record ConsensusDecision(long ResponseId, double Score, int LineNumber);

/// <summary>
/// A file of team decisions (<c>team_review_consensus.csv</c> as <c>agreement</c> writes it, with
/// <c>manual_consensus</c> filled in): for each listed item with a number in <c>manual_consensus</c>, that number is
/// the item's final consensus. Rows with the cell empty are items not decided yet. Columns other than the ones
/// <c>agreement</c> writes are refused, so a misnamed column never goes unnoticed.
/// </summary>
public sealed record ConsensusDecisions(string Source, IReadOnlyList<ConsensusDecision> Decisions, int Undecided)
{
    public const string ResponseIdColumn = "response_id";
    public const string DecisionColumn = "manual_consensus";

    public static ConsensusDecisions Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        IReadOnlyList<string>? header = null;
        int idColumn = -1, decisionColumn = -1;
        var decisions = new List<ConsensusDecision>();
        var seen = new Dictionary<long, int>();
        var undecided = 0;
        foreach (var record in CsvReader.Read(reader, source))
        {
            if (header is null)
            {
                header = record.Fields;
                if (header.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    throw new InputException($"{source}:{record.LineNumber}: column '{twice.Key}' appears twice");
                foreach (var column in header.Where(c => !AgreementFiles.TeamReviewColumns.Contains(c)))
                    throw new InputException($"{source}:{record.LineNumber}: unknown column '{column}' (known: {string.Join(", ", AgreementFiles.TeamReviewColumns)})");
                idColumn = IndexOf(header, ResponseIdColumn, source, record.LineNumber);
                decisionColumn = IndexOf(header, DecisionColumn, source, record.LineNumber);
                continue;
            }

            if (record.Fields.Count != header.Count)
                throw new InputException($"{source}:{record.LineNumber}: {record.Fields.Count} fields where the header has {header.Count}");
            var idText = record.Fields[idColumn].Trim();
            if (!long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                throw new InputException($"{source}:{record.LineNumber}: field '{ResponseIdColumn}': '{idText}' is not an item id");
            if (seen.TryGetValue(id, out var earlier))
                throw new InputException($"{source}:{record.LineNumber}: item {id} is listed twice (first on line {earlier})");
            seen[id] = record.LineNumber;

            var text = record.Fields[decisionColumn].Trim();
            if (text.Length == 0)
            {
                undecided++;
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) || score is < -1 or > 1)
                throw new InputException($"{source}:{record.LineNumber}: field '{DecisionColumn}': '{text}' is not a score in [-1, 1]");
            decisions.Add(new ConsensusDecision(id, score, record.LineNumber));
        }

        if (header is null)
            throw new InputException($"{source}: empty file (expected a header with {ResponseIdColumn} and {DecisionColumn})");
        return new ConsensusDecisions(source, decisions, undecided);
    }

    private static int IndexOf(IReadOnlyList<string> header, string column, string source, int line)
    {
        var index = header.ToList().IndexOf(column);
        return index >= 0 ? index : throw new InputException($"{source}:{line}: no '{column}' column");
    }
}
