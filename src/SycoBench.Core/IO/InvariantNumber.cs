using System.Globalization;
using System.Numerics;

namespace SycoBench.IO;

/// <summary>
/// The one place numbers become text for files and messages: always the invariant culture. <see cref="Fixed"/> formats a
/// double as Python's <c>f"{x:.Nf}"</c> does: the exact binary value rounded to N decimals, ties to even,
/// with the sign kept when the value is negative (<c>-0.0000</c>). Current .NET formats "F4" the same way, but older
/// runtimes rounded ties away from zero; the summary CSV must match the original tool's digits on every runtime, so the
/// rule is written out here rather than borrowed.
/// </summary>
public static class InvariantNumber
{
    /// <summary>The shortest text that reads back to the same double; empty for null, NaN and infinities.</summary>
    public static string RoundTrip(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>At most three decimals, no trailing zeros: a threshold as part of a name (0.33 → "0.33").</summary>
    public static string Brief(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>An interpolated string with every number in the invariant culture.</summary>
    public static string Format(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }

    public static string Fixed(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";

        var negative = double.IsNegative(value);
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (exponentBits == 0)
        {
            exponent = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = exponentBits - 1075;
        }

        // scaled = mantissa · 2^exponent · 10^decimals, rounded half to even.
        var scale = BigInteger.Pow(10, decimals);
        BigInteger scaled;
        if (exponent >= 0)
        {
            scaled = (new BigInteger(mantissa) << exponent) * scale;
        }
        else
        {
            var numerator = new BigInteger(mantissa) * scale;
            var denominator = BigInteger.One << -exponent;
            scaled = BigInteger.DivRem(numerator, denominator, out var remainder);
            var twice = remainder << 1;
            var comparison = twice.CompareTo(denominator);
            if (comparison > 0 || (comparison == 0 && !scaled.IsEven))
                scaled += 1;
        }

        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var integer = digits[..^decimals];
        var text = decimals == 0 ? digits : integer + "." + digits[^decimals..];
        return negative ? "-" + text : text;
    }
}
