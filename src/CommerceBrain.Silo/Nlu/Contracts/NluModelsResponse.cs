using CommerceBrain.Silo.Nlu.Models;

namespace CommerceBrain.Silo.Nlu.Contracts;

/// <summary>The NLU models of this silo.</summary>
/// <param name="Status">Starting, Ready or Unavailable.</param>
/// <param name="Models">The loaded models (empty until ready).</param>
public sealed record NluModelsResponse(string Status, IReadOnlyList<LoadedModel> Models);
