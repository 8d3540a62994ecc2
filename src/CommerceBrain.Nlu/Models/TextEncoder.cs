using System.Numerics.Tensors;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Models;

/// <summary>
/// A sentence encoder: hashed embedding bag → linear projection (the network's output layer) → L2 normalisation.
/// Dot products of its outputs are cosine similarities.
/// </summary>
public sealed class TextEncoder : ISentenceEncoder
{
    /// <summary>Wraps encoder weights.</summary>
    public TextEncoder(BagModel network, FeaturizerOptions featurizer)
    {
        if (featurizer.Buckets != network.Buckets)
        {
            throw new ArgumentException("The featurizer bucket count differs from the embedding rows.", nameof(featurizer));
        }

        Network = network;
        Featurizer = new Featurizer(featurizer);
    }

    /// <summary>The weights.</summary>
    public BagModel Network { get; }

    /// <summary>The featurizer.</summary>
    public Featurizer Featurizer { get; }

    /// <summary>Length of every embedding.</summary>
    public int Dimension => Network.Outputs;

    /// <summary>The unit-length embedding of a text (all zeros when the text has no features).</summary>
    public float[] Encode(string? text) => Encode(Featurizer.Featurize(text));

    /// <summary>The unit-length embedding of already featurized text.</summary>
    public float[] Encode(FeatureVector features)
    {
        var output = Network.Forward(features);
        Normalize(output);
        return output;
    }

    /// <summary>Scales a vector to unit length (leaves a zero vector alone).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-12f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
