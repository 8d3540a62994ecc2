namespace CommerceBrain.Load.Running;

/// <summary>Receives a progress sample of every scenario about once a second while a run goes.</summary>
internal interface IRunObserver
{
    /// <summary>Called from the sampler; must return quickly.</summary>
    void OnProgress(IReadOnlyList<ScenarioProgress> scenarios);
}
