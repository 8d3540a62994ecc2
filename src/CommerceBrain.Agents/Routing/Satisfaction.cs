using System.Globalization;

namespace CommerceBrain.Agents.Routing;

/// <summary>Reads a customer's satisfaction (1-5) from a Closed event's note: "4", "rating=4", "satisfaction:4".</summary>
internal static class Satisfaction
{
    public static int? Parse(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        var text = note.Trim();
        var separator = text.IndexOfAny(['=', ':']);
        if (separator >= 0)
        {
            var name = text[..separator].Trim();
            if (!name.Equals("rating", StringComparison.OrdinalIgnoreCase) && !name.Equals("satisfaction", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            text = text[(separator + 1)..].Trim();
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5 ? rating : null;
    }
}
