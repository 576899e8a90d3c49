using System.Text;
using Spectre.Console.Rendering;

namespace SycoBench.Cli;

/// <summary>
/// Where data from files meets the terminal. <see cref="Escape"/> is how a command puts a value into markup (control
/// characters made visible, then markup escaped, so tables measure what is shown). <see cref="Attach"/> is the safety
/// net under every command: a render hook that cleans every segment written to the console (live progress included)
/// and an error writer that cleans every message, so a value a command forgot to escape still cannot reach the
/// terminal as a control sequence.
/// </summary>
public static class TerminalSafety
{
    /// <summary>A value from a file, ready to be put into Spectre markup.</summary>
    public static string Escape(string? value) => Markup.Escape(TerminalText.Clean(value));

    /// <summary>The environment with its error writer cleaned, and a cleaning hook attached to its console until disposed.</summary>
    public static (CliEnvironment Environment, IDisposable Hook) Attach(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var hook = new CleaningHook();
        environment.Console.Pipeline.Attach(hook);
        var safe = environment.Error is SafeWriter ? environment : environment with { Error = new SafeWriter(environment.Error) };
        return (safe, new Detach(environment.Console.Pipeline, hook));
    }

    private sealed class Detach(RenderPipeline pipeline, IRenderHook hook) : IDisposable
    {
        public void Dispose() => pipeline.Detach(hook);
    }

    private sealed class CleaningHook : IRenderHook
    {
        public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
            renderables.Select(r => r as Cleaned ?? new Cleaned(r));
    }

    private sealed class Cleaned(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            foreach (var segment in inner.Render(options, maxWidth))
            {
                yield return segment.IsControlCode || segment.IsLineBreak || TerminalText.IsClean(segment.Text, keepLineBreaks: true)
                    ? segment
                    : new Segment(TerminalText.Clean(segment.Text, keepLineBreaks: true), segment.Style, segment.Link);
            }
        }
    }

    /// <summary>Writes through to the error stream with control characters other than line feeds and tabs made visible.</summary>
    private sealed class SafeWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(TerminalText.IsClean([value], keepLineBreaks: true) ? value : TerminalText.Clean(value.ToString(), keepLineBreaks: true)[0]);

        public override void Write(string? value) => inner.Write(TerminalText.Clean(value, keepLineBreaks: true));

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => inner.WriteLine(TerminalText.Clean(value, keepLineBreaks: true));

        public override void Flush() => inner.Flush();

        public override string ToString() => inner.ToString() ?? "";
    }
}
