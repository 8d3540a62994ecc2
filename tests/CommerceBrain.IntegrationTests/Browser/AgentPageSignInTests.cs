using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// How the agent pages sign in outside Development: only a <c>#token=</c> in the address, never a demo token. The silo
/// is a Development one; <c>/api/chat/config</c> is answered in the browser as a production silo answers it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentPageSignInTests(Chromium chromium, PageSiloFixture silo) : IClassFixture<PageSiloFixture>
{
    private async Task<(PageProbe Probe, List<string> DevTokenCalls)> OpenAsync(string path)
    {
        var probe = await PageProbe.OpenAsync(chromium.Browser);
        var devTokenCalls = new List<string>();
        await probe.Page.RouteAsync("**/api/chat/config", route => route.FulfillAsync(new() { ContentType = "application/json", Body = """{"development":false}""" }));
        probe.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/dev/tokens", StringComparison.Ordinal))
            {
                devTokenCalls.Add(request.Url);
            }
        };
        await probe.Page.GotoAsync(silo.Url(path));
        return (probe, devTokenCalls);
    }

    [Fact]
    public async Task Without_a_token_outside_development_the_workspace_says_how_to_get_one()
    {
        var (probe, devTokenCalls) = await OpenAsync("/agent");
        await using var _ = probe;
        await Expect(probe.Page.Locator("#signin-note")).ToContainTextAsync("#token=");
        await Expect(probe.Page.Locator("#identity-bar")).ToBeHiddenAsync();
        Assert.Empty(devTokenCalls);
        Assert.Null(await probe.Page.Locator("#app").GetAttributeAsync("data-ready"));
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task An_agent_token_in_the_address_signs_the_agent_in_and_leaves_the_address()
    {
        var (probe, devTokenCalls) = await OpenAsync("/agent#token=" + silo.Silo.TokenFor("a-00042", "agent"));
        await using var _ = probe;
        await Expect(probe.Page.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(probe.Page.Locator("#app")).ToHaveAttributeAsync("data-agent", "a-00042");
        await Expect(probe.Page.Locator("#app")).ToHaveAttributeAsync("data-queue-loaded", "true");
        Assert.DoesNotContain("token", probe.Page.Url, StringComparison.Ordinal);
        Assert.Empty(devTokenCalls);
        probe.AssertNoErrors();
    }

    [Fact]
    public async Task The_supervisor_view_refuses_an_agent_token_and_says_it_needs_an_admin()
    {
        var (probe, _) = await OpenAsync("/agent/supervisor#token=" + silo.Silo.TokenFor("a-00042", "agent"));
        await using var _ = probe;
        await Expect(probe.Page.Locator("#signin-note")).ToContainTextAsync("needs an admin token");
        await Expect(probe.Page.Locator(".toast")).ToContainTextAsync("role 'agent' may not use this endpoint");
        await Expect(probe.Page.Locator("#queues-body tr")).ToHaveCountAsync(0);
        // The refused call is the browser's own console error (403); nothing else may fail.
        probe.AssertNoErrors("403");
    }
}
