using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Conversations.Tests.Infrastructure;

/// <summary>
/// The real demo models, trained once per test run from the bundled corpus (intent classifier and FAQ encoder, as the
/// silo trains them on first start), plus one shop FAQ written the way merchants write them: question and answer only.
/// </summary>
public static class TrainedNlu
{
    public const string ShopId = "m-aurora";
    public const string ShopFaqId = "shop-aurora-1";

    private static readonly Lazy<(IntentClassifier Intents, FaqMatcher Faq)> Models = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IntentClassifier Intents => Models.Value.Intents;

    public static FaqMatcher Faq => Models.Value.Faq;

    private static (IntentClassifier, FaqMatcher) Train()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Data", "nlu");
        var intents = IntentTrainer.Train(DatasetReader.Read(Path.Combine(data, "intents.csv")), new TrainerOptions());
        var entries = FaqCatalog.Read(Path.Combine(data, "faq.jsonl"));
        var encoder = EncoderTrainer.Train(FaqCatalog.ParaphraseGroups(entries), new EncoderTrainerOptions());
        var faq = new FaqMatcher(encoder);
        faq.Index([.. entries, new FaqEntry(ShopFaqId, "Do your headphones come with an engraving service?", [],
            "Yes — Aurora engraves up to 12 characters on the case for free; add the text in the order note.", [], ShopId)]);
        return (new IntentClassifier(intents.Model), faq);
    }
}
