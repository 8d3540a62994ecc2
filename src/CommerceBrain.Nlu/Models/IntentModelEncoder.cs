namespace CommerceBrain.Nlu.Models;

/// <summary>
/// Uses a trained intent classifier as a sentence encoder: the layer below its outputs (hidden layer, or the bag),
/// L2-normalised. Texts with similar intents land close together, which is what few-shot prototypes need.
/// </summary>
public sealed class IntentModelEncoder(IntentModel model) : ISentenceEncoder
{
    /// <inheritdoc />
    public int Dimension => model.Network.TopDim;

    /// <inheritdoc />
    public float[] Encode(string? text)
    {
        var network = model.Network;
        var bag = new float[network.Dim];
        var top = new float[network.TopDim];
        network.Bag(model.Featurizer.Featurize(text), bag);
        network.Top(bag, top);
        TextEncoder.Normalize(top);
        return top;
    }
}
