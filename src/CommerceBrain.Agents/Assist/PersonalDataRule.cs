using System.Text.RegularExpressions;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Privacy;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// <c>personal_data</c>: a payment card number or a Chinese resident ID number written out in full (critical), or a phone
/// number or e-mail address (warning: it may be the shop's public contact, which the rule cannot tell from the
/// customer's). Cards, phones and e-mail addresses are recognised by the conversations module's masker, so agents and the
/// transcript agree on what personal data is; ID numbers by their checksum and birth date.
/// </summary>
public static partial class PersonalDataRule
{
    /// <summary>The warnings for <paramref name="text"/>: one for cards and IDs, one for phones and e-mail addresses.</summary>
    public static IEnumerable<AgentDraftWarning> Check(string text)
    {
        var masked = PersonalDataMasker.Mask(text);
        var cards = Added(text, masked, PersonalDataMasker.CardPlaceholder);
        var ids = IdNumberRegex().Matches(text).Count(m => IsResidentId(m.Value));
        if (cards + ids > 0)
        {
            var what = (cards > 0, ids > 0) switch
            {
                (true, true) => "a card number and an ID number",
                (true, false) => "a card number",
                _ => "an ID number",
            };
            yield return new AgentDraftWarning(WarningCodes.PersonalData,
                $"The message writes out {what} in full: never repeat them; refer to the last four digits at most.", WarningCodes.Critical);
        }

        var phones = Added(text, masked, PersonalDataMasker.PhonePlaceholder);
        var emails = Added(text, masked, PersonalDataMasker.EmailPlaceholder);
        if (phones + emails > 0)
        {
            var what = (phones > 0, emails > 0) switch
            {
                (true, true) => "a phone number and an e-mail address",
                (true, false) => "a phone number",
                _ => "an e-mail address",
            };
            yield return new AgentDraftWarning(WarningCodes.PersonalData,
                $"The message contains {what}: if it is the customer's, do not write it out (mask it, e.g. 138****5678).", WarningCodes.Warning);
        }
    }

    /// <summary>True for an 18-character mainland resident ID: a plausible birth date and a valid ISO 7064 check character.</summary>
    public static bool IsResidentId(string value)
    {
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        var year = int.Parse(value.AsSpan(6, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(10, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(value.AsSpan(12, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11] == char.ToUpperInvariant(value[17]);
    }

    private static int Added(string original, string masked, string placeholder) =>
        Count(masked, placeholder) - Count(original, placeholder);

    private static int Count(string text, string placeholder)
    {
        var count = 0;
        for (var at = text.IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = text.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberRegex();
}
