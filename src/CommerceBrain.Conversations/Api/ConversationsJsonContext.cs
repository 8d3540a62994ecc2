using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Conversations.Api;

/// <summary>JSON contracts of <c>/api/sessions</c> (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OpenSessionRequest))]
[JsonSerializable(typeof(OpenSessionResponse))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(CloseSessionRequest))]
[JsonSerializable(typeof(AttachRequest))]
[JsonSerializable(typeof(AttachResponse))]
[JsonSerializable(typeof(AgentMessageRequest))]
[JsonSerializable(typeof(AgentMessageResponse))]
[JsonSerializable(typeof(TransferRequest))]
[JsonSerializable(typeof(ResolveRequest))]
[JsonSerializable(typeof(AgentActionResponse))]
[JsonSerializable(typeof(StreamMessage))]
internal sealed partial class ConversationsJsonContext : JsonSerializerContext;
