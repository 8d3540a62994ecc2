using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Nlu.Faq;

/// <summary>
/// The limits a shop's FAQ must keep (from <see cref="NluOptions"/>): the API answers them as a validation problem,
/// the grain refuses what breaks them, so no caller can store what the matcher was not sized for.
/// </summary>
public static class MerchantFaqRules
{
    /// <summary>Longest entry id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Broken rules keyed by field (<c>entries</c>, <c>entries[3].question</c>, …); empty when the entries are fine.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<MerchantFaqPair?>? entries, NluOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (entries is null)
        {
            errors["entries"] = ["'entries' is required (an empty list clears the FAQ)."];
            return errors;
        }

        if (entries.Count > options.MaxMerchantFaqEntries)
        {
            errors["entries"] = [$"A shop's FAQ holds at most {options.MaxMerchantFaqEntries} entries (this one has {entries.Count})."];
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                errors[$"entries[{i}]"] = ["An entry must be an object with a question and an answer."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Id) || entry.Id.Length > MaxIdLength || entry.Id.Any(char.IsControl))
            {
                errors[$"entries[{i}].id"] = [$"'id' must be 1-{MaxIdLength} printable characters."];
            }
            else if (!seen.Add(entry.Id))
            {
                errors[$"entries[{i}].id"] = [$"The id '{entry.Id}' appears more than once."];
            }

            Text(errors, $"entries[{i}].question", entry.Question, options.MaxMerchantFaqQuestionLength);
            Text(errors, $"entries[{i}].answer", entry.Answer, options.MaxMerchantFaqAnswerLength);
        }

        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"'{field}' must not be empty."];
        }
        else if (text.Length > maxLength)
        {
            errors[field] = [$"'{field}' must be at most {maxLength} characters (it has {text.Length})."];
        }
    }
}
