namespace CommerceBrain.Nlu.Faq;

/// <summary>What to do with a FAQ match.</summary>
public enum FaqDecision
{
    /// <summary>The top entry is confidently the answer.</summary>
    Answer,

    /// <summary>The top entries are close (or only moderately confident): ask which one the customer means.</summary>
    Clarify,

    /// <summary>No entry answers the question.</summary>
    NoMatch,
}
