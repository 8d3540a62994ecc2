using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

/// <summary>A shop's own FAQ over HTTP: stored with PUT, read with GET, and answering through <c>POST /api/nlu/understand</c>.</summary>
public sealed class MerchantFaqApiTests(NluSiloFixture fixture) : IClassFixture<NluSiloFixture>
{
    private HttpClient Client => fixture.Silo.Client;

    [Fact]
    public async Task A_stored_shop_faq_answers_that_shops_question_through_understanding()
    {
        var body = new
        {
            entries = new object[]
            {
                new { id = "ship", question = "When do you ship orders?", answer = "Every weekday at 15:00 from our Suzhou workshop." },
                new { question = "What is your return address?", answer = "Lamp Studio, 8 Canal Street, Suzhou 215000." },
            },
        };

        using var put = await Client.PutAsJsonAsync("/api/nlu/merchants/shop-http-lamps/faq", body);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = await JsonBody(put);
        Assert.Equal("shop-http-lamps", stored.GetProperty("merchantId").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.Equal(2, stored.GetProperty("count").GetInt32());
        var generatedId = stored.GetProperty("ids")[1].GetString();
        Assert.False(string.IsNullOrEmpty(generatedId));

        using var understand = await Client.PostAsJsonAsync("/api/nlu/understand", new { text = "what's the return address of your shop", merchantId = "shop-http-lamps" });
        Assert.Equal(HttpStatusCode.OK, understand.StatusCode);
        var understanding = await JsonBody(understand);
        var top = understanding.GetProperty("faqHits")[0];
        Assert.Equal(generatedId, top.GetProperty("id").GetString());
        Assert.Equal("shop-http-lamps", top.GetProperty("merchantId").GetString());
        Assert.Contains(understanding.GetProperty("faq").GetString(), new[] { "Answer", "Clarify" });
        Assert.Equal("en", understanding.GetProperty("language").GetString());

        using var get = await Client.GetAsync("/api/nlu/merchants/shop-http-lamps/faq");
        var set = await JsonBody(get);
        Assert.Equal(1, set.GetProperty("version").GetInt64());
        Assert.Equal(["ship", generatedId], set.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Understanding_without_a_shop_reports_intent_entities_and_the_platform_faq()
    {
        using var response = await Client.PostAsJsonAsync("/api/nlu/understand", new { text = "where is my order 2024110112345" });

        var body = await JsonBody(response);
        Assert.Equal("order_status", body.GetProperty("intent").GetString());
        Assert.Equal(3, body.GetProperty("candidates").GetArrayLength());
        Assert.Contains(body.GetProperty("entities").EnumerateArray(), e => e.GetProperty("kind").GetString() == "OrderId");
        Assert.All(body.GetProperty("faqHits").EnumerateArray(), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("merchantId").ValueKind));
    }

    [Fact]
    public async Task A_shop_that_never_stored_a_faq_reads_as_version_zero()
    {
        using var response = await Client.GetAsync("/api/nlu/merchants/shop-never-set/faq");

        var body = await JsonBody(response);
        Assert.Equal(0, body.GetProperty("version").GetInt64());
        Assert.Equal(0, body.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [InlineData("{}", "entries")]
    [InlineData("{\"entries\":[{\"question\":\"\",\"answer\":\"a\"}]}", "entries[0].question")]
    [InlineData("{\"entries\":[{\"question\":\"q\"}]}", "entries[0].answer")]
    [InlineData("{\"entries\":[{\"id\":\"x\",\"question\":\"q\",\"answer\":\"a\"},{\"id\":\"x\",\"question\":\"q2\",\"answer\":\"a2\"}]}", "entries[1].id")]
    [InlineData("{\"entries\":[null]}", "entries[0]")]
    public async Task Bad_faq_input_is_a_validation_problem_and_changes_nothing(string json, string field)
    {
        using var response = await Client.PutAsync("/api/nlu/merchants/shop-http-bad/faq", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var get = await Client.GetAsync("/api/nlu/merchants/shop-http-bad/faq");
        Assert.Equal(0, (await JsonBody(get)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_question_over_500_characters_and_too_many_entries_are_refused()
    {
        using var longQuestion = await Client.PutAsJsonAsync("/api/nlu/merchants/shop-http-limits/faq",
            new { entries = new[] { new { question = new string('q', 501), answer = "a" } } });
        using var tooMany = await Client.PutAsJsonAsync("/api/nlu/merchants/shop-http-limits/faq",
            new { entries = Enumerable.Range(0, 201).Select(i => new { question = $"q{i}", answer = "a" }).ToArray() });

        var problem = await ProblemAssert.IsProblemAsync(longQuestion, HttpStatusCode.BadRequest);
        Assert.Contains("500", problem.GetProperty("errors").GetProperty("entries[0].question")[0].GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(tooMany, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_and_empty_text_are_400_problems()
    {
        using var malformed = await Client.PutAsync("/api/nlu/merchants/shop-http-bad/faq", new StringContent("{\"entries\":", Encoding.UTF8, "application/json"));
        using var empty = await Client.PostAsJsonAsync("/api/nlu/understand", new { text = " " });

        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
        var problem = await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_shop_faq_and_understanding_endpoints()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");

        var paths = (await JsonBody(response)).GetProperty("paths");
        var faq = paths.GetProperty("/api/nlu/merchants/{merchantId}/faq");
        Assert.True(faq.TryGetProperty("put", out _));
        Assert.True(faq.TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/nlu/understand").TryGetProperty("post", out _));
    }

    private static async Task<JsonElement> JsonBody(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
