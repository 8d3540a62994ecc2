namespace CommerceBrain.Actors;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    None = 0,

    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>Idle for longer than the collection age.</summary>
    ActivationIdle,

    /// <summary>Evicted as least recently used because live activations exceeded the cap.</summary>
    ActivationLimitExceeded,

    /// <summary>The runtime is stopping.</summary>
    ShuttingDown,
}

/// <summary>The reason passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}
