using System.Text.Json;
using System.Text.Json.Serialization;
using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Nlu.Api;

/// <summary>Source-generated JSON for the NLU API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IntentPredictRequest))]
[JsonSerializable(typeof(IntentPredictResponse))]
[JsonSerializable(typeof(FaqMatchRequest))]
[JsonSerializable(typeof(FaqMatchResponse))]
[JsonSerializable(typeof(MerchantIntentRequest))]
[JsonSerializable(typeof(MerchantIntentResponse))]
[JsonSerializable(typeof(NluModelsResponse))]
[JsonSerializable(typeof(MerchantFaqRequest))]
[JsonSerializable(typeof(MerchantFaqResponse))]
[JsonSerializable(typeof(MerchantFaqSet))]
[JsonSerializable(typeof(UnderstandRequest))]
[JsonSerializable(typeof(Understanding))]
internal sealed partial class NluJsonContext : JsonSerializerContext;
