namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// Installed while an activation runs, so awaits inside grain code resume on the activation's serial queue
/// (the role Orleans' ActivationTaskScheduler plays).
/// </summary>
internal sealed class ActivationSynchronizationContext(Activation activation) : SynchronizationContext
{
    public Activation Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.EnqueueWork(d, state);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (Current == this)
        {
            d(state);
            return;
        }

        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        Activation.EnqueueWork(
            _ =>
            {
                try
                {
                    d(state);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    done.Set();
                }
            },
            null);
        done.Wait();
        if (failure is not null)
        {
            throw new InvalidOperationException("A callback sent to a grain failed.", failure);
        }
    }

    public override SynchronizationContext CreateCopy() => this;
}
