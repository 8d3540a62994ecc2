namespace CommerceBrain.Actors.Timers;

/// <summary>
/// Describes a grain timer tick to incoming call filters; grains do not implement it. For a tick,
/// <see cref="Filters.IIncomingGrainCallContext.InterfaceMethod"/> is <see cref="Tick"/> (compare with
/// <see cref="GrainTimerTick.InterfaceMethod"/>), <see cref="Filters.IIncomingGrainCallContext.ImplementationMethod"/> is the
/// method of the callback passed to <c>RegisterGrainTimer</c> (a lambda's compiler-generated method for lambdas), and
/// <see cref="Filters.IIncomingGrainCallContext.Arguments"/> holds the timer state (null without one) and the tick's
/// cancellation token.
/// </summary>
public interface IGrainTimerTick
{
    /// <summary>One tick of a grain timer; <paramref name="cancellationToken"/> is cancelled when the timer is disposed.</summary>
    Task Tick(object? state, CancellationToken cancellationToken);
}

/// <summary>Lets filters tell timer ticks from grain calls.</summary>
public static class GrainTimerTick
{
    /// <summary><see cref="IGrainTimerTick.Tick"/>, the <c>InterfaceMethod</c> filters see for every timer tick.</summary>
    public static System.Reflection.MethodInfo InterfaceMethod { get; } = typeof(IGrainTimerTick).GetMethod(nameof(IGrainTimerTick.Tick))!;
}
