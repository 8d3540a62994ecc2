namespace CommerceBrain.Coupons.Tests.Properties;

/// <summary>One step of a generated scenario; <see cref="object.ToString"/> is what a shrunk counterexample shows.</summary>
public abstract record ScenarioOp
{
    /// <summary>Customer <c>c{Customer}</c> claims under key <c>k{Key}</c> (keys are shared by customers on purpose).</summary>
    public sealed record Claim(int Customer, int Key) : ScenarioOp
    {
        public override string ToString() => $"claim(c{Customer},k{Key})";
    }

    /// <summary>Several claims at once, possibly the same customer with the same or different keys.</summary>
    public sealed record Burst(IReadOnlyList<Claim> Claims) : ScenarioOp
    {
        public override string ToString() => $"burst[{string.Join(" ", Claims)}]";
    }

    /// <summary>New customers at once, each claiming once: drains leases, so shards refill under pressure.</summary>
    public sealed record Flood(int Customers) : ScenarioOp
    {
        public override string ToString() => $"flood({Customers})";
    }

    /// <summary>The admin pauses the campaign.</summary>
    public sealed record Pause : ScenarioOp
    {
        public override string ToString() => "pause";
    }

    /// <summary>The admin resumes the campaign.</summary>
    public sealed record Resume : ScenarioOp
    {
        public override string ToString() => "resume";
    }

    /// <summary>Every campaign, shard and claimant grain is deactivated; the next call rebuilds it from storage.</summary>
    public sealed record Deactivate : ScenarioOp
    {
        public override string ToString() => "deactivate";
    }

    /// <summary>The silo is disposed and a new one started over the same database.</summary>
    public sealed record Restart : ScenarioOp
    {
        public override string ToString() => "restart";
    }
}
