using SycoBench.IO;

namespace SycoBench.Tests.IO;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain – ünïcode ✓", "plain – ünïcode ✓")]
    [InlineData("\u001b]0;title\u0007", "␛]0;title␇")]
    [InlineData("\u001b[2J\u001b[H", "␛[2J␛[H")]
    [InlineData("back\bspace\rover", "back␈space␍over")]
    [InlineData("del\u007f", "del␡")]
    [InlineData("csi\u009b31m osc\u009d", "csi\uFFFD31m osc\uFFFD")]
    [InlineData("abc\u202edcba\u2066", "abc\uFFFDdcba\uFFFD")]
    [InlineData("two\nlines\tand tab", "two␊lines␉and tab")]
    public void Control_characters_become_one_visible_stand_in_each(string text, string expected)
    {
        var cleaned = TerminalText.Clean(text);

        Assert.Equal(expected, cleaned);
        Assert.Equal(text.Length, cleaned.Length);
    }

    [Fact]
    public void Line_feeds_and_tabs_are_kept_only_when_asked_for()
    {
        Assert.Equal("a\nb\tc␍", TerminalText.Clean("a\nb\tc\r", keepLineBreaks: true));
        Assert.True(TerminalText.IsClean("a\nb", keepLineBreaks: true));
        Assert.False(TerminalText.IsClean("a\nb"));
    }

    [Fact]
    public void Clean_text_is_returned_as_it_is()
    {
        const string text = "model-a | prompt 007";
        Assert.Same(text, TerminalText.Clean(text));
        Assert.Equal("", TerminalText.Clean(null));
    }
}
