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

    /// <summary>
    /// How long the session waits before telling a lifecycle listener again after it failed (a busy queue grain timing
    /// out, a silo going away); doubled per attempt up to <see cref="ListenerMaxRetryDelay"/>.
    /// </summary>
    public TimeSpan ListenerRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts to tell a listener.</summary>
    public TimeSpan ListenerMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts per listener and event before the session gives up and logs it (a session still waiting for a person is
    /// announced again when it next activates).
    /// </summary>
    public int ListenerMaxAttempts { get; set; } = 10;
}
