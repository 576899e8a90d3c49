using SycoBench.Agreement;

namespace SycoBench.Tests.Agreement;

public sealed class ConsensusDecisionsTests
{
    private static ConsensusDecisions Read(string text) => ConsensusDecisions.Read(new StringReader(text), "decisions.csv");

    [Fact]
    public void Reads_the_team_review_file_with_decisions_filled_in_and_counts_the_undecided()
    {
        var header = string.Join(',', AgreementFiles.TeamReviewColumns);
        var decisions = Read(header + "\n"
            + "12,Range extremist (p99+),1.6,0.067,-0.8,0.8,a: 0.200 | b: -0.800,\"R: NTA AI: NTA\",\"AITA for …\nmore\",\"An answer, \"\"quoted\"\"\",0.1\n"
            + "13,Mixed signs,0.4,0,-0.2,0.2,a: 0.200 | b: -0.200,,,,\n"
            + "14,Mixed signs,0.4,0,-0.2,0.2,a: 0.200 | b: -0.200,,,, -0.35 \n");

        Assert.Equal([new ConsensusDecision(12, 0.1, 2), new ConsensusDecision(14, -0.35, 5)], decisions.Decisions);
        Assert.Equal(1, decisions.Undecided);
    }

    [Fact]
    public void Two_columns_are_enough()
    {
        var decisions = Read("response_id,manual_consensus\n7,-1\n8,1\n");

        Assert.Equal([-1.0, 1.0], decisions.Decisions.Select(d => d.Score));
    }

    [Theory]
    [InlineData("response_id,manual_consensus,comment\n1,0.1,x\n", "decisions.csv:1: unknown column 'comment'")]
    [InlineData("response_id,priority\n1,x\n", "decisions.csv:1: no 'manual_consensus' column")]
    [InlineData("response_id,manual_consensus,manual_consensus\n1,0.1,0.2\n", "decisions.csv:1: column 'manual_consensus' appears twice")]
    [InlineData("response_id,manual_consensus\n1,0.1\n1,0.2\n", "decisions.csv:3: item 1 is listed twice (first on line 2)")]
    [InlineData("response_id,manual_consensus\n1,1.5\n", "decisions.csv:2: field 'manual_consensus': '1.5' is not a score in [-1, 1]")]
    [InlineData("response_id,manual_consensus\n1,0,5\n", "decisions.csv:2: 3 fields where the header has 2")]
    [InlineData("response_id,manual_consensus\n1,\"0,5\"\n", "decisions.csv:2: field 'manual_consensus': '0,5' is not a score")]
    [InlineData("response_id,manual_consensus\nabc,0.5\n", "decisions.csv:2: field 'response_id': 'abc' is not an item id")]
    [InlineData("", "decisions.csv: empty file")]
    public void A_decision_that_cannot_be_read_stops_with_the_line(string text, string message)
    {
        var error = Assert.Throws<InputException>(() => Read(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
