namespace SycoBench.Html;

/// <summary>
/// A <c>data:</c> address for inline images (the pages fetch nothing). The payload is base64, whose letters pass HTML
/// encoding unchanged, so the address goes into an attribute as an ordinary encoded value.
/// </summary>
public static class DataUri
{
    /// <summary><c>data:image/png;base64,…</c>; the media type must be <c>type/subtype</c> in letters, digits, + . -.</summary>
    public static string FromBytes(string mediaType, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == mediaType.Length - 1 || mediaType.Count(c => c == '/') != 1
            || !mediaType.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '.' or '-'))
            throw new ArgumentException($"not a media type: \"{mediaType}\"", nameof(mediaType));
        return "data:" + mediaType + ";base64," + Convert.ToBase64String(bytes);
    }
}
