namespace CommerceBrain.Nlu.Text;

/// <summary>The hashed features of one text: bucket ids and their bag weights (same length; may be empty).</summary>
public sealed record FeatureVector(int[] Ids, float[] Weights)
{
    /// <summary>A text without features.</summary>
    public static FeatureVector Empty { get; } = new([], []);

    /// <summary>Number of features.</summary>
    public int Count => Ids.Length;
}
