using System.Globalization;

namespace CommerceBrain.Commerce.Storage;

/// <summary>
/// Order ids are 13 digits: the day the order was placed (<c>yyyyMMdd</c>) and a five-digit serial of that day, e.g.
/// <c>2026111100001</c>. The NLU entity extractor recognises them after "order"/"订单" (see docs/commerce.md).
/// </summary>
internal static class OrderIds
{
    /// <summary>The highest serial of a day: five digits.</summary>
    public const int MaxSerial = 99_999;

    public static string Of(DateOnly day, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}{serial:D5}");

    /// <summary>True for 13 ASCII digits.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: 13 } && id.All(char.IsAsciiDigit);
}
