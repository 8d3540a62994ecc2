using Orleans;
using Orleans.Runtime;

namespace CommerceBrain.Storage;

/// <summary>Applies pending migrations at the silo's first lifecycle stage, before any Orleans provider reads its tables.</summary>
internal sealed class StorageSiloLifecycle(StorageInitializer initializer) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageSiloLifecycle), ServiceLifecycleStage.First, initializer.InitializeAsync, _ => Task.CompletedTask);
}
