namespace CommerceBrain.Agents;

/// <summary>Routing, priority and SLA settings of the agents module, bound from <c>CommerceBrain:Agents</c>.</summary>
public sealed class AgentsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CommerceBrain:Agents";

    /// <summary>The group an escalated session waits in when the event names none (or an unknown one).</summary>
    public string DefaultGroup { get; set; } = "after-sales";

    /// <summary>Concurrent sessions an agent takes when presence does not say.</summary>
    public int DefaultCapacity { get; set; } = 3;

    /// <summary>The most concurrent sessions an agent may declare.</summary>
    public int MaxCapacity { get; set; } = 20;

    /// <summary>How long a waiting (escalated or transferred) session may go without a person's first reply.</summary>
    public TimeSpan FirstResponse { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a customer's message may go without the agent's next reply.</summary>
    public TimeSpan NextResponse { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The period of the durable SLA reminder after its first tick at the deadline (the backstop after a restart or
    /// deactivation; an in-memory timer fires on time while the grain is active). Raised to Orleans' minimum reminder
    /// period (one minute by default) when set below it.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Priority weights (see <see cref="Routing.PriorityScore"/>).</summary>
    public PriorityWeights Priority { get; set; } = new();

    /// <summary>
    /// The most waiting (unassigned) sessions <c>GET /api/agents/me/queue</c> lists, highest priority first; sessions
    /// assigned to the agent are always listed on top of these.
    /// </summary>
    public int QueueViewLimit { get; set; } = 50;

    /// <summary>SLA breach records a group's queue keeps for the supervisor view (older ones only count).</summary>
    public int BreachesKept { get; set; } = 50;

    /// <summary>Agent assist settings (<c>CommerceBrain:Agents:Assist</c>).</summary>
    public Assist.AssistOptions Assist { get; set; } = new();
}
