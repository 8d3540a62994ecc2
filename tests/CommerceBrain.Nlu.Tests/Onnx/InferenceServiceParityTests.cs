using CommerceBrain.Inference;
using CommerceBrain.Inference.Models;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Onnx;
using CommerceBrain.Nlu.Training;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Nlu.Tests.Onnx;

public sealed class InferenceServiceParityTests
{
    [Fact]
    public async Task Concurrent_requests_through_the_micro_batcher_match_the_csharp_forward_pass()
    {
        var model = IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions(hidden: 8)).Model;
        using var stream = new MemoryStream();
        BagModelOnnx.WriteClassifier(model.Network, stream, "test");
        using var registry = new ModelRegistry();
        registry.Publish("intents", "v1", stream.ToArray());
        await using var service = new InferenceService(registry, Options.Create(new InferenceOptions()));

        string[] texts = ["where is my parcel", "我要退款", "", "cancel my order please right now", "invoice"];
        var results = await Task.WhenAll(texts.Select(t => service.InferAsync("intents",
            model.Featurizer.Featurize(t).ToInferenceRequest([BagModelOnnx.ProbabilitiesOutput]))));

        for (var i = 0; i < texts.Length; i++)
        {
            var expected = model.Probabilities(texts[i]);
            var actual = results[i].Floats(BagModelOnnx.ProbabilitiesOutput);
            Assert.Equal(expected.Length, actual.Length);
            for (var c = 0; c < expected.Length; c++)
            {
                Assert.Equal(expected[c], actual[c], 1e-5f);
            }
        }
    }

    [Fact]
    public async Task Predict_async_through_the_inference_service_decides_like_the_csharp_forward_pass()
    {
        var model = IntentTrainer.Train(TinyData.Intents(withOos: true), TinyData.FastOptions(hidden: 8)).Model;
        using var stream = new MemoryStream();
        BagModelOnnx.WriteClassifier(model.Network, stream, "test");
        using var registry = new ModelRegistry();
        registry.Publish("intents", "v1", stream.ToArray());
        await using var service = new InferenceService(registry, Options.Create(new InferenceOptions()));
        using var classifier = new CommerceBrain.Nlu.Intents.IntentClassifier(model);

        string[] texts = ["where is my parcel", "我要退款", "", "tell me a joke", "invoice", "cancel my order please right now"];
        var predictions = await Task.WhenAll(texts.Select(t => classifier.PredictAsync(service, "intents", t, topK: 2)));

        for (var i = 0; i < texts.Length; i++)
        {
            var expected = classifier.Predict(texts[i], topK: 2);
            Assert.Equal(expected.Intent, predictions[i].Intent);
            Assert.Equal(expected.IsOutOfScope, predictions[i].IsOutOfScope);
            Assert.Equal(expected.Confidence, predictions[i].Confidence, 1e-5f);
            Assert.Equal(expected.Candidates.Select(c => c.Intent), predictions[i].Candidates.Select(c => c.Intent));
        }

        await Assert.ThrowsAsync<CommerceBrain.Inference.Contracts.ModelNotFoundException>(
            () => classifier.PredictAsync(service, "missing", "where is my parcel"));
    }
}
