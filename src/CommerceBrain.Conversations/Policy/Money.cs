using System.Globalization;

namespace CommerceBrain.Conversations.Policy;

/// <summary>Formats amounts held in minor units for customers: ¥2,399 / ¥12.50 / $5.99.</summary>
public static class Money
{
    /// <summary><paramref name="minor"/> units of <paramref name="currency"/> (ISO 4217) as a customer reads them.</summary>
    public static string Format(long minor, string currency)
    {
        var major = minor / 100m;
        var number = minor % 100 == 0
            ? major.ToString("#,0", CultureInfo.InvariantCulture)
            : major.ToString("#,0.00", CultureInfo.InvariantCulture);
        return currency.ToUpperInvariant() switch
        {
            "CNY" or "RMB" => "¥" + number,
            "USD" => "$" + number,
            "EUR" => "€" + number,
            "GBP" => "£" + number,
            "JPY" => "¥" + minor.ToString("#,0", CultureInfo.InvariantCulture),
            var code => code + " " + number,
        };
    }
}
