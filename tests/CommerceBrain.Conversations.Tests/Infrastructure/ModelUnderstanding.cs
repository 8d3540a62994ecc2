using CommerceBrain.Conversations.Policy;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Entities;
using CommerceBrain.Nlu.Faq;

namespace CommerceBrain.Conversations.Tests.Infrastructure;

/// <summary>
/// <see cref="ILanguageUnderstanding"/> on the real trained models, shaped like the silo's understanding grain: intent
/// with candidates, FAQ verdict and hits (platform and shop together), entities, language by the share of CJK characters.
/// </summary>
public sealed class ModelUnderstanding : ILanguageUnderstanding
{
    public List<string> Texts { get; } = [];

    public Task<Understanding> UnderstandAsync(string text, string? merchantId, CancellationToken cancellationToken)
    {
        lock (Texts)
        {
            Texts.Add(text);
        }

        var intent = TrainedNlu.Intents.Predict(text, 3);
        var faq = TrainedNlu.Faq.Match(text, merchantId);
        var entities = EntityExtractor.Extract(text)
            .Select(e => new FoundEntity(e.Kind.ToString(), e.Text, e.Value, e.Start, e.Length))
            .ToArray();
        return Task.FromResult(new Understanding(
            intent.Intent, intent.Confidence, intent.IsOutOfScope,
            intent.Candidates.Select(c => new IntentGuess(c.Intent, c.Confidence)).ToArray(),
            faq.Decision switch { FaqDecision.Answer => FaqVerdict.Answer, FaqDecision.Clarify => FaqVerdict.Clarify, _ => FaqVerdict.NoMatch },
            faq.Confidence,
            faq.Candidates.Select(c => new FaqHit(c.Entry.Id, c.Entry.Question, c.Entry.Answer, c.Score, c.Entry.Merchant)).ToArray(),
            entities,
            Language(text)));
    }

    private static string Language(string text)
    {
        var cjk = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var letters = text.Count(char.IsLetter);
        return letters > 0 && cjk * 2 >= letters ? "zh" : "en";
    }
}
