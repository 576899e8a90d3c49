using System.Globalization;
using SycoBench.Models;

namespace SycoBench.Costs;

/// <summary>
/// Answers "what does this model cost?": a roster's own <c>prices</c> first, then the price table by provider and
/// the model name sent; a server of the user's own (<c>base_url</c>) is priced only by its roster entry. Null means
/// unknown, never free.
/// </summary>
public sealed class PriceBook
{
    public const string FileName = "prices.json";

    private readonly PriceTable _table;

    public PriceBook(PriceTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        Path = path;
    }

    /// <summary>A book with no table: only roster prices are known (for callers that load none).</summary>
    public static PriceBook Empty { get; } = new(new PriceTable { ReadOn = "", Currency = "USD", Providers = [] }, "");

    public string Path { get; }

    /// <summary>The day the table's prices were read (yyyy-MM-dd); empty for <see cref="Empty"/>.</summary>
    public string ReadOn => _table.ReadOn;

    public static string DefaultPath(string workingDirectory)
    {
        var local = System.IO.Path.Combine(workingDirectory, "data", FileName);
        return File.Exists(local) ? local : System.IO.Path.Combine(AppContext.BaseDirectory, "data", FileName);
    }

    /// <summary>Reads the table; every problem is an error naming the file and the JSON path.</summary>
    public static PriceBook Load(string path)
    {
        DataFileException Error(string field, string problem) => new(path, field, problem);
        var table = DataFileReader.Deserialize(DataFileReader.ReadBytes(path, Error), DataFileJsonContext.Default.PriceTable, Error);
        if (!DateOnly.TryParseExact(table.ReadOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new DataFileException(path, "read_on", $"must be a date written yyyy-MM-dd, not '{table.ReadOn}'");
        if (table.Currency != "USD")
            throw new DataFileException(path, "currency", $"must be USD (SycoBench counts US dollars), not '{table.Currency}'");
        foreach (var (provider, entry) in table.Providers)
        {
            foreach (var (model, price) in entry.Models ?? [])
            {
                if (price.Problem() is var (member, problem))
                    throw new DataFileException(path, $"providers.{provider}.models['{model}'].{member}", problem);
            }
        }

        return new PriceBook(table, path);
    }

    /// <summary>The price of a routed model, or null when nobody knows it.</summary>
    public PriceQuote? Quote(ModelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Model.Prices is { } own)
            return new PriceQuote(PriceQuote.Roster, own);
        if (route.Model.BaseUrl is not null || TableEntry(route) is not { } entry)
            return null;
        if (entry.Free || (entry.FreeSuffix is { Length: > 0 } suffix && route.ModelName.EndsWith(suffix, StringComparison.Ordinal)))
            return new PriceQuote(PriceQuote.Table, ModelPrice.Free);
        return entry.Models?.TryGetValue(route.ModelName, out var price) == true ? new PriceQuote(PriceQuote.Table, price) : null;
    }

    private ProviderPrices? TableEntry(ModelRoute route) =>
        route.Provider is { } provider && _table.Providers.TryGetValue(provider.Name, out var entry) ? entry : null;
}
