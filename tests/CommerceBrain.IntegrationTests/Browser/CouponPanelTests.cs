using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>The chat page's coupon drawer in headless Chromium against the real silo: open campaigns, a claim, a denial.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CouponPanelTests(Chromium chromium, PageSiloFixture silo) : IClassFixture<PageSiloFixture>
{
    private async Task<string> CreateCampaignAsync(string name, int perUserLimit)
    {
        // A loopback silo: its plain client with an admin's bearer token.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = JsonContent.Create(new
        {
            name,
            budget = 100_000,
            tiers = new[] { new { faceValue = 1_500, minSpend = 10_000 } },
            perUserLimit,
            endsAt = DateTimeOffset.UtcNow.AddDays(1),
            shards = 2,
        }) };
        request.Headers.Authorization = new("Bearer", silo.Silo.TokenFor("admin-page", Roles.Admin));
        using var response = await silo.Silo.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_customer_claims_a_coupon_from_the_chat_page_and_a_second_is_refused_with_the_reason()
    {
        var id = await CreateCampaignAsync("Page sale", perUserLimit: 1);
        await using var probe = await PageProbe.OpenAsync(chromium.Browser);
        var page = probe.Page;
        await page.GotoAsync(silo.Url());
        await Expect(page.Locator("#app[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });

        await page.Locator("#coupons-button").ClickAsync();
        var item = page.Locator($"#coupons-list li[data-campaign='{id}']");
        await Expect(item.Locator(".coupon-name")).ToHaveTextAsync("Page sale");
        await item.Locator("button").ClickAsync();
        await Expect(item.Locator(".coupon-result")).ToContainTextAsync("is yours");
        await Expect(item.Locator("button")).ToBeDisabledAsync();

        // Reopened, the drawer offers the campaign again; a second coupon is over the per-user limit.
        await page.Locator("#coupons-close").ClickAsync();
        await page.Locator("#coupons-button").ClickAsync();
        await item.Locator("button").ClickAsync();
        await Expect(item.Locator(".coupon-result")).ToContainTextAsync("already hold");
        probe.AssertNoErrors("409");
    }
}
