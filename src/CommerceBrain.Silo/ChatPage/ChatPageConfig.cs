namespace CommerceBrain.Silo.ChatPage;

/// <summary>
/// What the chat page needs to know about the silo before it signs a customer in (<c>GET /api/chat/config</c>).
/// </summary>
/// <param name="Development">The silo runs in Development, so <c>/api/dev/tokens</c> exists and the page offers demo customers.</param>
public sealed record ChatPageConfig(bool Development);
