using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Silo.ChatPage;

/// <summary>Source-generated JSON for the chat page's endpoint.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChatPageConfig))]
internal sealed partial class ChatPageJsonContext : JsonSerializerContext;
