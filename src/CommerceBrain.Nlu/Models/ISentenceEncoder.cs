namespace CommerceBrain.Nlu.Models;

/// <summary>Maps text to a unit-length vector; dot products are cosine similarities.</summary>
public interface ISentenceEncoder
{
    /// <summary>Vector length.</summary>
    int Dimension { get; }

    /// <summary>The unit-length embedding of <paramref name="text"/> (all zeros when it has no features).</summary>
    float[] Encode(string? text);
}
