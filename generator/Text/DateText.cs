namespace ForbedringsAbc.Text;

/// <summary>Dates as Norwegian readers write them ("1. november 2021"), from the UI strings' month names.</summary>
public sealed class DateText(IReadOnlyList<string> monthNames)
{
    public string Long(DateOnly date) => $"{date.Day}. {monthNames[date.Month - 1]} {date.Year}";

    public static string Iso(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
