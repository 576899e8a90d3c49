using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Transcripts;

/// <summary>
/// One scored record placed in a matched triplet, as the transcript page indexes it: indices into the page's tables
/// (models, judges, prompts) and the place of its texts in the text blocks. The texts themselves are written to the
/// page as the file is read, so memory holds only these small entries.
/// </summary>
internal readonly record struct TranscriptEntry(
    int Model,
    int Triplet,
    Role Role,
    int Sample,
    int Judge,
    double? Score,
    Outcome Outcome,
    long Line,
    int Prompt,
    int Text,
    int PromptId);
