using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Conversations.Policy;

/// <summary>The policy's view of the language engine (in the silo: <see cref="IUnderstandingGrain"/>).</summary>
public interface ILanguageUnderstanding
{
    Task<Understanding> UnderstandAsync(string text, string? merchantId, CancellationToken cancellationToken);
}
