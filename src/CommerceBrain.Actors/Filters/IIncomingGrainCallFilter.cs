namespace CommerceBrain.Actors.Filters;

/// <summary>
/// Intercepts calls arriving at grains: DI-registered filters run in registration order, then the grain itself if it
/// implements this interface, then the method. A filter must await <see cref="IIncomingGrainCallContext.Invoke"/> to continue the chain.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
