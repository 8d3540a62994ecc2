using CommerceBrain.Conversations.Policy;
using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Conversations.Grains;

/// <summary>The policy's language engine in the silo: the NLU module's stateless <see cref="IUnderstandingGrain"/> (local to each silo).</summary>
internal sealed class GrainLanguageUnderstanding(IGrainFactory grains) : ILanguageUnderstanding
{
    public Task<Understanding> UnderstandAsync(string text, string? merchantId, CancellationToken cancellationToken) =>
        grains.GetGrain<IUnderstandingGrain>(0).Understand(new UnderstandingRequest(text, merchantId));
}
