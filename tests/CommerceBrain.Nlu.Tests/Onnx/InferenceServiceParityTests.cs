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
}
