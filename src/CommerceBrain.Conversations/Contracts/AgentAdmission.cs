namespace CommerceBrain.Conversations.Contracts;

/// <summary>Whether an agent may attach to a session: <paramref name="Allowed"/>, or why not (a problem detail for the 4xx).</summary>
[GenerateSerializer]
[Immutable]
[Alias("conversations.agent-admission")]
public sealed record AgentAdmission(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] int? Status,
    [property: Id(2)] string? Reason)
{
    /// <summary>Attach may go ahead.</summary>
    public static AgentAdmission Yes { get; } = new(true, null, null);

    /// <summary>Refused with HTTP <paramref name="status"/> and a reason the agent can act on.</summary>
    public static AgentAdmission No(int status, string reason) => new(false, status, reason);
}
