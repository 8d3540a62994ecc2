namespace CommerceBrain.Actors.Runtime;

internal enum ActivationState : byte
{
    /// <summary>Constructing the grain, loading state, running OnActivateAsync; requests wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync; new requests wait and then go to the next activation.</summary>
    Deactivating,

    /// <summary>Gone; callers must look the grain up again.</summary>
    Invalid,
}
