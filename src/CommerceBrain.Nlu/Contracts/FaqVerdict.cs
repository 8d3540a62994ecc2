namespace CommerceBrain.Nlu.Contracts;

/// <summary>What the FAQ matcher advises: answer with the top hit, ask which of the close hits is meant, or no FAQ fits.</summary>
[GenerateSerializer]
public enum FaqVerdict
{
    Answer,
    Clarify,
    NoMatch,
}
