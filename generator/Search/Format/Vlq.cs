using System.Text;

namespace ForbedringsAbc.Search.Format;

/// <summary>
/// Non-negative integers as base-64 digits, low five bits first, bit 6 of a digit meaning "more
/// follows" (as in source maps). The digits are URL- and JS-string-safe; gzip packs them well.
/// </summary>
public static class Vlq
{
    public const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    public static void Append(StringBuilder sb, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        do
        {
            var digit = value & 31;
            value >>= 5;
            sb.Append(Digits[value > 0 ? digit | 32 : digit]);
        }
        while (value > 0);
    }

    public static List<int> Decode(string text)
    {
        var values = new List<int>();
        int value = 0, shift = 0;
        foreach (var c in text)
        {
            var digit = Digits.IndexOf(c);
            value |= (digit & 31) << shift;
            if ((digit & 32) != 0) { shift += 5; continue; }
            values.Add(value);
            (value, shift) = (0, 0);
        }
        return values;
    }
}
