using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Models;

/// <summary>
/// A trained intent classifier: the network (temperature already folded into its output layer, so a softmax of its
/// outputs is the calibrated confidence), its featurizer settings, labels and out-of-scope rule.
/// </summary>
public sealed class IntentModel
{
    /// <summary>Creates a model from its parts.</summary>
    public IntentModel(BagModel network, FeaturizerOptions featurizer, IReadOnlyList<string> labels, string? oosLabel,
        float oosThreshold, float temperature)
    {
        if (labels.Count != network.Outputs)
        {
            throw new ArgumentException($"The network has {network.Outputs} outputs but {labels.Count} labels were given.", nameof(labels));
        }

        if (featurizer.Buckets != network.Buckets)
        {
            throw new ArgumentException("The featurizer bucket count differs from the embedding rows.", nameof(featurizer));
        }

        Network = network;
        Featurizer = new Featurizer(featurizer);
        Labels = labels;
        OosLabel = oosLabel is not null && labels.Contains(oosLabel) ? oosLabel : null;
        OosThreshold = oosThreshold;
        Temperature = temperature;
    }

    /// <summary>The weights.</summary>
    public BagModel Network { get; }

    /// <summary>The featurizer the network was trained with.</summary>
    public Featurizer Featurizer { get; }

    /// <summary>Class labels in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The explicit out-of-scope class, when the training data had one.</summary>
    public string? OosLabel { get; }

    /// <summary>Below this top confidence a request is out of scope.</summary>
    public float OosThreshold { get; }

    /// <summary>The fitted softmax temperature (already applied to the output layer; kept for reporting).</summary>
    public float Temperature { get; }

    /// <summary>Calibrated class probabilities for one text (C# forward pass).</summary>
    public float[] Probabilities(string? text)
    {
        var logits = Network.Forward(Featurizer.Featurize(text));
        Softmax.InPlace(logits);
        return logits;
    }
}
