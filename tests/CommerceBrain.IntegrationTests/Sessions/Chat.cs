using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceBrain.IntegrationTests.Sessions;

/// <summary>A customer's session over HTTP: opens it, sends messages with fresh client message ids, keeps the replies.</summary>
internal sealed class Chat(HttpClient client, string sessionId)
{
    private int next;

    public HttpClient Client { get; } = client;

    public string SessionId { get; } = sessionId;

    public static async Task<Chat> OpenAsync(HttpClient client, string? merchantId = null)
    {
        using var response = await client.PostAsJsonAsync("/api/sessions", new { merchantId, channel = "web" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return new Chat(client, JsonDocument.Parse(body).RootElement.GetProperty("sessionId").GetString()!);
    }

    /// <summary>Sends <paramref name="text"/>; returns the whole answer (reply, status, seq, replayed).</summary>
    public async Task<JsonElement> SayAsync(string text, string? clientMessageId = null)
    {
        clientMessageId ??= $"t{Interlocked.Increment(ref next)}";
        using var response = await Client.PostAsJsonAsync($"/api/sessions/{SessionId}/messages", new { text, clientMessageId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{text}' answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Walks a form to its end: answers a yes/no question with yes, a choice with the choice <paramref name="pick"/> gives
    /// (the first when null), and an open question with <paramref name="freeText"/>; stops at a reply that is not a form step.
    /// </summary>
    public async Task<JsonElement> WalkFormAsync(JsonElement answer, string freeText, Func<JsonElement, string?>? pick = null)
    {
        for (var step = 0; step < 8 && Kind(answer) == "form"; step++)
        {
            var reply = answer.GetProperty("reply");
            string text;
            if (reply.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                var values = choices.EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList();
                text = values.FirstOrDefault(v => v.Equals("yes", StringComparison.OrdinalIgnoreCase))
                    ?? pick?.Invoke(choices)
                    ?? values[0];
            }
            else
            {
                text = freeText;
            }

            answer = await SayAsync(text);
        }

        return answer;
    }

    public static string? Kind(JsonElement answer) =>
        answer.GetProperty("reply").ValueKind == JsonValueKind.Null ? null : answer.GetProperty("reply").GetProperty("kind").GetString();

    public static string Text(JsonElement answer) => answer.GetProperty("reply").GetProperty("text").GetString()!;

    public static string Intent(JsonElement answer) => answer.GetProperty("reply").GetProperty("intent").GetString()!;

    public static IReadOnlyList<string> CardOrderIds(JsonElement answer) =>
        answer.GetProperty("reply").TryGetProperty("cards", out var cards) && cards.ValueKind == JsonValueKind.Array
            ? cards.EnumerateArray().Select(c => c.GetProperty("orderId").GetString()!).ToList()
            : [];

    public static IReadOnlyList<string> ChoiceValues(JsonElement answer) =>
        answer.GetProperty("reply").TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array
            ? choices.EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList()
            : [];
}
