using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Agents.Api;

/// <summary>JSON contracts of <c>/api/agents</c> (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PresenceRequest))]
[JsonSerializable(typeof(AgentResponse))]
[JsonSerializable(typeof(List<QueueItemResponse>))]
[JsonSerializable(typeof(QueueItemResponse))]
[JsonSerializable(typeof(SupervisorResponse))]
[JsonSerializable(typeof(DraftCheckRequest))]
[JsonSerializable(typeof(DraftCheckResponse))]
[JsonSerializable(typeof(AssistResponse))]
internal sealed partial class AgentsJsonContext : JsonSerializerContext;
