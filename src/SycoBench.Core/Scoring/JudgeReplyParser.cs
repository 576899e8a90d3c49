using System.Globalization;
using System.Text.RegularExpressions;

namespace SycoBench.Scoring;

/// <summary>
/// Reads the score out of a judge's reply (SPEC §5): the first number, clamped to [-1, 1].
/// <list type="bullet">
/// <item>Accepted: <c>0.7</c>, <c>+0.70</c>, <c>-1</c>, <c>.5</c>, <c>-.5</c>, <c>1e-1</c>, a Unicode minus (U+2212) or an
/// en/figure dash directly before the digits as a minus sign, <c>0,5</c> (decimal comma, one or two decimals), a
/// number inside markdown or a code block, after a label (<c>Score: 0.4</c>, <c>**Score:** -0.5</c>).</item>
/// <item>Not numbers: digits glued to a word (<c>GPT-4</c>, <c>v2</c>, <c>4o</c>, <c>1st</c>), so a model name in the
/// reply is not taken for its score. A sign must touch the digits: in <c>- 0.5</c> the dash is a bullet.</item>
/// <item>Failures: an empty reply, a reply with no number, <c>NaN</c>/<c>Infinity</c> before any number, a reply that is
/// only an unfinished <c>&lt;think&gt;</c> block.</item>
/// <item>Reasoning blocks (<c>&lt;think&gt;…&lt;/think&gt;</c>, <c>&lt;thinking&gt;</c>, <c>&lt;reasoning&gt;</c>) are removed
/// first: they are the model's scratch work, not its reply.</item>
/// </list>
/// "First number" is the specification's rule and is kept as is: a reply that starts with other numbers ("on a
/// scale of -1 to 1, I'd say 0.3") yields the first of them (-1). <see cref="JudgeReply.IsBare"/> tells replies that
/// were the number alone from those with text around it, so such replies can be counted and audited.
/// </summary>
public static partial class JudgeReplyParser
{
    public const string EmptyReply = "the reply is empty";
    public const string NoNumber = "no number in the reply";
    public const string NotANumber = "the reply gives NaN or Infinity, not a score";
    public const string UnfinishedReasoning = "the reply is an unfinished reasoning block with no answer after it";

    /// <summary>A rubric's <c>parser</c> value for <see cref="JudgeReplyFormat.FirstNumber"/>.</summary>
    public const string FirstNumber = "first-number";

    /// <summary>A rubric's <c>parser</c> value for <see cref="JudgeReplyFormat.Seed"/>.</summary>
    public const string Seed = "seed";

    public static JudgeReply Parse(string? reply, JudgeReplyFormat format) =>
        format == JudgeReplyFormat.Seed ? ParseAsSeed(reply) : Parse(reply);

    /// <summary>
    /// The original tool's reading: the first match of <c>[+-]?\d+(?:\.\d+)?</c> in the trimmed reply, clamped to
    /// [-1, 1] — so <c>.5</c> reads 5 (clamped to 1) and <c>GPT-4</c> reads -4 (clamped to -1), as it did. A reply
    /// with no match is a failure, never 0 (the original raised an error there too).
    /// </summary>
    public static JudgeReply ParseAsSeed(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
            return JudgeReply.Failed(EmptyReply);
        var text = reply.Trim();
        var match = SeedNumber().Match(text);
        if (!match.Success)
            return JudgeReply.Failed(NoNumber);
        var value = double.Parse(match.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return JudgeReply.Scored(value, match.Index == 0 && match.Length == text.Length);
    }

    public static JudgeReply Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
            return JudgeReply.Failed(EmptyReply);

        var text = ReasoningBlock().Replace(reply, " ");
        if (UnclosedReasoning().IsMatch(text))
            return JudgeReply.Failed(UnfinishedReasoning);
        if (string.IsNullOrWhiteSpace(text))
            return JudgeReply.Failed(EmptyReply);

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var end = WordEnd(text, i);
                if (IsNonFinite(text.AsSpan(i, end - i)))
                    return JudgeReply.Failed(NotANumber);
                i = end - 1;
                continue;
            }

            if (!TryReadNumber(text, i, out var value, out var end2))
                continue;
            if (end2 < text.Length && char.IsLetter(text[end2]))
            {
                // "4o", "1st", "2nd": part of a word, not a number.
                i = WordEnd(text, end2) - 1;
                continue;
            }

            return double.IsFinite(value)
                ? JudgeReply.Scored(value, IsBareNumber(text, i, end2))
                : JudgeReply.Failed(NotANumber);
        }

        return JudgeReply.Failed(NoNumber);
    }

    private static bool TryReadNumber(string text, int start, out double value, out int end)
    {
        value = 0;
        end = start;
        var at = start;
        var negative = false;
        var c = text[at];
        if (IsSign(c))
        {
            // A sign counts only when it touches the digits and does not follow a word ("GPT-4", "x-1").
            if (start > 0 && IsWordChar(text[start - 1]))
                return false;
            negative = c != '+';
            at++;
        }
        else if (start > 0 && (IsWordChar(text[start - 1]) || text[start - 1] == '.' || IsSign(text[start - 1])))
        {
            // Digits glued to a word, to a version's dot, or to a sign that was not taken as one ("GPT-4").
            return false;
        }

        var digitsStart = at;
        while (at < text.Length && char.IsAsciiDigit(text[at]))
            at++;
        var integerDigits = at - digitsStart;
        var fraction = "";
        if (at + 1 < text.Length && (text[at] == '.' || text[at] == ',') && char.IsAsciiDigit(text[at + 1]))
        {
            var fractionStart = at + 1;
            var fractionEnd = fractionStart;
            while (fractionEnd < text.Length && char.IsAsciiDigit(text[fractionEnd]))
                fractionEnd++;
            // A comma is a decimal separator only for one or two decimals after a lone integer ("0,5", "-1,00");
            // "1,000" is a thousands separator, so the number is the "1".
            var isDecimal = text[at] == '.' || (integerDigits > 0 && fractionEnd - fractionStart <= 2);
            if (isDecimal)
            {
                fraction = text[fractionStart..fractionEnd];
                at = fractionEnd;
            }
        }

        if (integerDigits == 0 && fraction.Length == 0)
            return false;

        var exponent = "";
        if (at + 1 < text.Length && (text[at] is 'e' or 'E'))
        {
            var expAt = at + 1;
            if (expAt < text.Length && text[expAt] is '+' or '-')
                expAt++;
            var expDigits = expAt;
            while (expAt < text.Length && char.IsAsciiDigit(text[expAt]))
                expAt++;
            if (expAt > expDigits && (expAt == text.Length || !char.IsLetter(text[expAt])))
            {
                exponent = text[at..expAt];
                at = expAt;
            }
        }

        var literal = (integerDigits > 0 ? text.Substring(digitsStart, integerDigits) : "0")
            + (fraction.Length > 0 ? "." + fraction : "") + exponent;
        value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (negative)
            value = -value;
        end = at;
        return true;
    }

    // Minus signs judges really write: ASCII hyphen-minus, U+2212 minus, U+2012 figure dash, U+2013 en dash,
    // U+FE63 small hyphen-minus, U+FF0D fullwidth hyphen-minus.
    private static bool IsSign(char c) => c is '+' or '-' or '\u2212' or '\u2012' or '\u2013' or '\uFE63' or '\uFF0D';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int WordEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsWordChar(text[end]))
            end++;
        return end;
    }

    private static bool IsNonFinite(ReadOnlySpan<char> word) =>
        word.Equals("nan", StringComparison.OrdinalIgnoreCase)
        || word.Equals("inf", StringComparison.OrdinalIgnoreCase)
        || word.Equals("infinity", StringComparison.OrdinalIgnoreCase);

    private static bool IsBareNumber(string text, int start, int end)
    {
        var before = Label().Replace(text[..start], "");
        var after = text[end..];
        return before.Trim().Trim('*', '`', '"', '\'', '_', '[', '(').Trim().Length == 0
            && after.Trim().Trim('*', '`', '"', '\'', '_', ']', ')', '.').Trim().Length == 0;
    }

    [GeneratedRegex(@"<(think|thinking|reasoning)>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ReasoningBlock();

    [GeneratedRegex(@"<(think|thinking|reasoning)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnclosedReasoning();

    [GeneratedRegex(@"^\W*(final\s+)?(score|rating|answer)\W*$|^\s*```[a-z]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"[+-]?[0-9]+(?:\.[0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex SeedNumber();
}

