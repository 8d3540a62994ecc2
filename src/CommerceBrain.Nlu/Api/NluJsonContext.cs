using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Nlu.Api;

/// <summary>Source-generated JSON for the NLU API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IntentPredictRequest))]
[JsonSerializable(typeof(IntentPredictResponse))]
[JsonSerializable(typeof(FaqMatchRequest))]
[JsonSerializable(typeof(FaqMatchResponse))]
[JsonSerializable(typeof(MerchantIntentRequest))]
[JsonSerializable(typeof(MerchantIntentResponse))]
[JsonSerializable(typeof(NluModelsResponse))]
internal sealed partial class NluJsonContext : JsonSerializerContext;
