using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Sessions;

namespace CommerceBrain.IntegrationTests.Agents;

/// <summary>
/// How a live stream ends over real TCP sockets: the last event, then the server's close frame, then the close handshake —
/// never a reset that loses the closing event (the client would not know the session ended and would reconnect).
/// </summary>
public sealed class SessionStreamCloseTests(LoopbackAgentSessionSilo fixture) : IClassFixture<LoopbackAgentSessionSilo>
{
    // A reset loses the last frames only sometimes; several sessions make a regression show every run.
    private const int Sessions = 6;

    [Fact]
    public async Task The_customer_sees_the_closing_event_and_a_clean_close_when_the_agent_resolves()
    {
        var silo = fixture.Silo;
        for (var i = 0; i < Sessions; i++)
        {
            var customerToken = silo.TokenFor($"c-close-{i}", Roles.Customer);
            var chat = await Chat.OpenAsync(silo.ClientWithToken(customerToken));
            await chat.SayAsync("I want to talk to a human");
            using var agent = silo.ClientAs($"a-close-{i}", Roles.Agent);
            using (var attach = await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/attach", new { displayName = "Ann" }))
            {
                Assert.True(attach.StatusCode == HttpStatusCode.OK, await attach.Content.ReadAsStringAsync());
            }

            await using var stream = await LiveSessionStream.OpenAsync(silo.Address!, chat.SessionId, 0, customerToken);
            using (var resolve = await agent.PostAsJsonAsync($"/api/sessions/{chat.SessionId}/resolve", new { resolutionCode = "answered" }))
            {
                Assert.True(resolve.StatusCode == HttpStatusCode.OK, await resolve.Content.ReadAsStringAsync());
            }

            var (events, status, reason) = await stream.EventsUntilClosedAsync();

            Assert.Equal("closed", events[^1].GetProperty("status").GetString());
            Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
            Assert.Equal("session closed", reason);
        }
    }
}
