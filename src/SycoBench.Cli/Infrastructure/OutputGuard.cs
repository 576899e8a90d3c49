namespace SycoBench.Cli;

/// <summary>
/// The one check every command that writes runs before it writes anything: an output must not be one of the
/// command's inputs, an existing SQLite database (unless it is the store the command opens), a data file of an
/// existing run folder, or the file of another of the command's outputs. A refusal is a command-line error (exit 2) that names the option, the path and the reason.
/// </summary>
public sealed class OutputGuard
{
    private readonly CliEnvironment _environment;
    private readonly List<(string Option, string Path)> _inputs = [];
    private readonly List<(string Option, string Path)> _outputs = [];

    public OutputGuard(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    /// <summary>A file the command reads (a null path is skipped, so optional inputs can be passed as they are).</summary>
    public OutputGuard Input(string option, string? path)
    {
        if (!string.IsNullOrEmpty(path))
            _inputs.Add((option, Canonical(_environment.Resolve(path))));
        return this;
    }

    /// <summary>A name-or-path option (a scenario, a rubric): an input only when it names an existing file.</summary>
    public OutputGuard InputIfFile(string option, string? nameOrPath) =>
        !string.IsNullOrEmpty(nameOrPath) && System.IO.File.Exists(_environment.Resolve(nameOrPath)) ? Input(option, nameOrPath) : this;

    /// <summary>A file the command replaces or creates.</summary>
    public OutputGuard File(string option, string path) => Check(option, path, OutputKind.File);

    /// <summary>A file the command appends records to and reads back (score's output): a run's own files are refused.</summary>
    public OutputGuard AppendedFile(string option, string path) => Check(option, path, OutputKind.Appended);

    /// <summary>A SQLite store the command opens, creating it when missing: an existing file must be a SQLite database.</summary>
    public OutputGuard Store(string option, string path) => Check(option, path, OutputKind.Store);

    /// <summary>
    /// A folder the command writes these files into (and files starting with one of <paramref name="prefixes"/>).
    /// </summary>
    public OutputGuard Folder(string option, string directory, IEnumerable<string> fileNames, params string[] prefixes) =>
        CheckFolder(option, directory, fileNames, prefixes, OutputKind.File);

    /// <summary>
    /// A new run's folder: its files must not be inputs or databases. A folder that already holds a run is refused by
    /// the run folder itself, with the advice to resume it. With <paramref name="stem"/> (<c>run --out FILE.jsonl</c>)
    /// the files are the stem's — <c>FILE.jsonl</c>, <c>FILE_grid.json</c>, <c>FILE.log</c>, <c>FILE_batches.json</c> — so
    /// <c>--grid g.jsonl --out g.jsonl</c> is refused as writing over the grid, not taken for a run to resume.
    /// </summary>
    public OutputGuard RunFolder(string option, string directory, string? stem = null) =>
        CheckFolder(
            option,
            directory,
            [
                Path.GetFileName(Running.RunFolder.ManifestPathOf(directory, stem)),
                Path.GetFileName(Running.RunFolder.RecordsPathOf(directory, stem)),
                Path.GetFileName(Running.RunFolder.LogPathOf(directory, stem)),
                Path.GetFileName(Running.RunFolder.BatchesPathOf(directory, stem)),
            ],
            [],
            OutputKind.RunFile);

    private OutputGuard CheckFolder(string option, string directory, IEnumerable<string> fileNames, string[] prefixes, OutputKind kind)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var full = _environment.Resolve(directory);
        if (System.IO.File.Exists(full))
            throw Refuse(option, full, "is a file, not a folder");
        foreach (var name in fileNames)
            Check(option, Path.Combine(full, name), kind);
        foreach (var input in _inputs)
        {
            var name = Path.GetFileName(input.Path);
            if (string.Equals(Path.GetDirectoryName(input.Path), Canonical(full), StringComparison.Ordinal)
                && prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                throw Refuse(option, full, $"would receive {name}, which is the input {input.Option}: refusing to write over a file this command reads");
        }

        return this;
    }

    private OutputGuard Check(string option, string path, OutputKind kind)
    {
        var full = _environment.Resolve(path);
        var canonical = Canonical(full);
        foreach (var input in _inputs)
        {
            if (string.Equals(input.Path, canonical, StringComparison.Ordinal))
                throw Refuse(option, full, $"is also the input {input.Option}: refusing to write over a file this command reads");
        }

        // Two outputs of one command in one file: the second would replace or mix into the first (score -o x.csv: the
        // scored records appended to x.csv, then x.csv replaced by the summary, every paid judge reply lost).
        foreach (var earlier in _outputs)
        {
            if (string.Equals(earlier.Path, canonical, StringComparison.Ordinal))
            {
                var also = earlier.Option == option ? "" : $" (it is also where {earlier.Option} writes)";
                throw Refuse(option, full, $"would receive two of this command's outputs{also}: refusing to let one replace the other");
            }
        }

        _outputs.Add((option, canonical));

        if (Directory.Exists(full))
            throw Refuse(option, full, "is a folder; give a file name");
        if (kind == OutputKind.Store)
        {
            if (System.IO.File.Exists(full) && new FileInfo(full).Length > 0 && !FileKinds.IsSqliteDatabase(full))
                throw Refuse(option, full, "exists and is not a SQLite database: refusing to open it as one");
            return this;
        }

        if (FileKinds.IsSqliteDatabase(full) || FileKinds.IsSqliteCompanion(full))
            throw Refuse(option, full, "is a SQLite database: refusing to replace it");
        if (kind != OutputKind.RunFile && FileKinds.RunFolderDataFile(full, allowScored: kind == OutputKind.Appended) is { } runFolder)
            throw Refuse(option, full, $"is a data file of the run folder {_environment.Display(runFolder)}: refusing to replace a run's records");
        return this;
    }

    private CliUsageException Refuse(string option, string full, string reason) =>
        new($"{option} {_environment.Display(full)} {reason}; choose another path");

    /// <summary>The full path with symbolic links followed, so two names of one file compare equal.</summary>
    private static string Canonical(string full)
    {
        try
        {
            var info = new FileInfo(full);
            return info.Exists ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private enum OutputKind
    {
        File,
        Appended,
        Store,
        RunFile,
    }
}
