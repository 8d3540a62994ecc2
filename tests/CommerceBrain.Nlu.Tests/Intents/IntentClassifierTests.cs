using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Intents;

public sealed class IntentClassifierTests
{
    [Fact]
    public void With_an_oos_class_unknown_requests_are_out_of_scope_and_known_ones_are_not()
    {
        var result = IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions());
        using var classifier = new IntentClassifier(result.Model);

        Assert.Equal("oos", result.Model.OosLabel);
        var unknown = classifier.Predict("what is the weather like in paris");
        Assert.True(unknown.IsOutOfScope);
        Assert.Equal("oos", unknown.Intent);

        var known = classifier.Predict("i want my money back, refund please");
        Assert.False(known.IsOutOfScope);
        Assert.Equal("refund", known.Intent);
    }

    [Fact]
    public void Without_an_oos_class_text_with_no_known_features_is_still_not_mapped_to_an_intent()
    {
        var result = IntentTrainer.Train(TinyData.Intents(), TinyData.FastOptions() with
        {
            DefaultOosThreshold = 0.5f,
            Featurizer = new CommerceBrain.Nlu.Text.FeaturizerOptions { Buckets = 1 << 18 },
        });
        using var classifier = new IntentClassifier(result.Model);

        var prediction = classifier.Predict("zxqv wkpj");
        Assert.True(prediction.IsOutOfScope, $"confidence {prediction.Candidates[0].Confidence}");
        Assert.Equal("oos", prediction.Intent);
    }

    [Fact]
    public void Top_k_candidates_are_sorted_and_are_probabilities()
    {
        var result = IntentTrainer.Train(TinyData.Intents(), TinyData.FastOptions());
        using var classifier = new IntentClassifier(result.Model);
        var prediction = classifier.Predict("refund", topK: 4);

        Assert.Equal(4, prediction.Candidates.Count);
        Assert.Equal(prediction.Candidates.OrderByDescending(c => c.Confidence), prediction.Candidates);
        var all = classifier.Probabilities(["refund"])[0];
        Assert.Equal(1f, all.Sum(), 3);
    }

    [Fact]
    public void Empty_and_100_kb_texts_are_classified_without_error()
    {
        var result = IntentTrainer.Train(TinyData.Intents(), TinyData.FastOptions());
        using var classifier = new IntentClassifier(result.Model);
        var huge = string.Concat(Enumerable.Repeat("refund my money please ", 100_000 / 23 + 1));

        var predictions = classifier.PredictBatch(["", null, huge]);
        Assert.Equal(3, predictions.Count);
        Assert.Equal("refund", predictions[2].Intent);
        Assert.All(predictions, p => Assert.False(float.IsNaN(p.Confidence)));
    }
}
