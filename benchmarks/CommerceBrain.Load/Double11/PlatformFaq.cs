using System.Reflection;
using System.Text.Json;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// The platform FAQ's customer questions, from the NLU module's bundled <c>faq.jsonl</c> (embedded into this assembly at
/// build time, so the driver asks what the silo's FAQ really holds without reading anything at run time).
/// </summary>
public static class PlatformFaq
{
    private const string ResourceName = "CommerceBrain.Load.Double11.faq.jsonl";

    /// <summary>
    /// Platform questions a customer would ask: shop-specific entries of the bundled file (not the demo shops) and the
    /// merchant-side rules (tags <c>merchant_*</c>) are left out, and so are questions that ask for a person (the bot
    /// hands those over by design).
    /// </summary>
    public static IReadOnlyList<FaqQuestion> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Parse(stream);
    }

    /// <summary>Parses FAQ JSON lines (<c>{"id","question","tags":[…],"merchant":null}</c>) into customer questions.</summary>
    public static IReadOnlyList<FaqQuestion> Parse(Stream jsonLines)
    {
        var questions = new List<FaqQuestion>();
        using var reader = new StreamReader(jsonLines);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var merchant = root.TryGetProperty("merchant", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var merchantSide = root.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                && tags.EnumerateArray().Any(t => t.GetString()?.StartsWith("merchant", StringComparison.Ordinal) == true);
            var question = root.GetProperty("question").GetString();
            if (merchant is null && !merchantSide && !string.IsNullOrWhiteSpace(question) && !Paraphraser.AsksForPerson(question))
            {
                questions.Add(new FaqQuestion(root.GetProperty("id").GetString()!, question, null));
            }
        }

        return questions;
    }
}
