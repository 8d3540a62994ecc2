namespace CommerceBrain.Actors.Tests.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls the next grain in the chain until <paramref name="remaining"/> reaches zero; returns the depth reached.</summary>
    Task<int> Forward(int remaining);
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<int> Forward(int remaining)
    {
        if (remaining == 0)
        {
            return Task.FromResult(0);
        }

        var next = GrainFactory.GetGrain<IChainGrain>($"c{int.Parse(this.GetPrimaryKeyString()[1..], System.Globalization.CultureInfo.InvariantCulture) + 1}");
        return Add(next.Forward(remaining - 1));
    }

    private static async Task<int> Add(Task<int> inner) => await inner + 1;
}
