namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// Numbers names (model ids, summary keys) in the order they are first met, shared by the reading threads so that
/// their per-thread tables use the same indexes and merge without remapping. Lookups are rare: each thread caches.
/// </summary>
internal sealed class SharedRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int IndexOf(string name)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(name, out var index))
            {
                index = _names.Count;
                _indexes[name] = index;
                _names.Add(name);
            }

            return index;
        }
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
                return _names.ToArray();
        }
    }
}
