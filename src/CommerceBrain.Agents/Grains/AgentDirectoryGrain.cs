using CommerceBrain.Agents.Contracts;

namespace CommerceBrain.Agents.Grains;

/// <summary>The list of agents for the supervisor view; written once per agent.</summary>
public sealed class AgentDirectoryGrain(
    [PersistentState("agents-directory")] IPersistentState<AgentDirectoryState> state) : Grain, IAgentDirectoryGrain
{
    public async Task Register(string agentId)
    {
        if (state.State.Agents.Add(agentId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Agents.Order(StringComparer.Ordinal)]);
}
