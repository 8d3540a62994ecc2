namespace CommerceBrain.Conversations;

/// <summary>Limits of customer sessions, bound from <c>CommerceBrain:Conversations:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "CommerceBrain:Conversations:Sessions";

    /// <summary>Longest customer message, in characters.</summary>
    public int MaxTextLength { get; set; } = 2_000;

    /// <summary>Most customer turns one session takes; then the customer opens a new session (409).</summary>
    public int MaxTurnsPerSession { get; set; } = 500;

    /// <summary>Longest closing comment, in characters.</summary>
    public int MaxCommentLength { get; set; } = 1_000;

    /// <summary>Longest transfer note or resolution code an agent may give, in characters.</summary>
    public int MaxNoteLength { get; set; } = 1_000;
}
