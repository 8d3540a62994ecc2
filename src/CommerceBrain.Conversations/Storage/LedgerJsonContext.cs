using System.Text.Json.Serialization;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Policy;

namespace CommerceBrain.Conversations.Storage;

/// <summary>The JSON shapes stored in the ledger's <c>reply</c>, <c>state</c> and <c>data</c> columns.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BotReply))]
[JsonSerializable(typeof(DialogueState))]
[JsonSerializable(typeof(SessionOpening))]
[JsonSerializable(typeof(HandoffPacket))]
[JsonSerializable(typeof(SessionClosingData))]
[JsonSerializable(typeof(AgentEventData))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
