using System.Text.Json;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Serving;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Faq;

/// <summary>
/// The bundled demo FAQ split the way a live platform sees it: platform-wide entries (what the encoder is trained on)
/// and the two demo shops' entries reduced to question and answer, as merchants write them. The encoder here never
/// sees the shops' entries or paraphrases, so the shops are unseen merchants for it.
/// </summary>
internal static class DemoFaq
{
    private static readonly Lazy<IReadOnlyList<FaqEntry>> All = new(() => FaqCatalog.Read(Path.Combine(NluModelPaths.BundledDataDirectory, "faq.jsonl")));

    private static readonly Lazy<TextEncoder> PlatformEncoder = new(() =>
        EncoderTrainer.Train(FaqCatalog.ParaphraseGroups(Platform), new EncoderTrainerOptions()));

    public static IReadOnlyList<FaqEntry> Platform => All.Value.Where(e => e.Merchant is null).ToArray();

    /// <summary>The FAQ encoder trained with the production settings on the platform entries only.</summary>
    public static TextEncoder Encoder => PlatformEncoder.Value;

    /// <summary>Each demo shop's FAQ as question-answer pairs (paraphrases dropped).</summary>
    public static IReadOnlyList<MerchantFaqSet> Shops =>
        All.Value.Where(e => e.Merchant is not null)
            .GroupBy(e => e.Merchant!)
            .Select(g => new MerchantFaqSet(g.Key, 1, g.Select(e => new MerchantFaqPair(e.Id, e.Question, e.Answer)).ToArray()))
            .ToArray();

    /// <summary>The held-out queries: text, expected entry id (null = unanswerable) and the shop in context (null = platform).</summary>
    public static IReadOnlyList<(string Query, string? Expected, string? Merchant)> EvaluationQueries()
    {
        var queries = new List<(string, string?, string?)>();
        foreach (var line in File.ReadLines(Path.Combine(NluModelPaths.BundledDataDirectory, "faq.eval.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            queries.Add((root.GetProperty("query").GetString()!,
                root.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
                root.TryGetProperty("merchant", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null));
        }

        return queries;
    }
}
