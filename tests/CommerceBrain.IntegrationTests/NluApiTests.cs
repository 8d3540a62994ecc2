using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.IntegrationTests;

public sealed class NluApiTests(NluSiloFixture fixture) : IClassFixture<NluSiloFixture>
{
    private HttpClient Client => fixture.Silo.Client;

    [Theory]
    [InlineData("/api/nlu/intents:predict")]
    [InlineData("/api/nlu/intents/predict")]
    public async Task Predict_returns_the_intent_its_candidates_and_the_entities(string route)
    {
        using var response = await Client.PostAsJsonAsync(route, new { text = "where is my order 2024110112345? I paid ¥199", top = 4 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonBody(response);
        Assert.Equal("order_status", body.GetProperty("intent").GetString());
        Assert.False(body.GetProperty("outOfScope").GetBoolean());
        var candidates = body.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal(4, candidates.Length);
        Assert.Equal("order_status", candidates[0].GetProperty("intent").GetString());
        Assert.Equal(body.GetProperty("confidence").GetSingle(), candidates[0].GetProperty("confidence").GetSingle());
        Assert.True(candidates[0].GetProperty("confidence").GetSingle() >= candidates[1].GetProperty("confidence").GetSingle());
        var entities = body.GetProperty("entities").EnumerateArray().ToArray();
        Assert.Contains(entities, e => e.GetProperty("kind").GetString() == "OrderId" && e.GetProperty("value").GetString() == "2024110112345");
        Assert.Contains(entities, e => e.GetProperty("kind").GetString() == "Amount" && e.GetProperty("value").GetString() == "CNY 199");
    }

    [Fact]
    public async Task A_question_outside_the_shop_domain_is_reported_out_of_scope()
    {
        using var response = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "write me a python function to sort a list" });

        var body = await JsonBody(response);
        Assert.True(body.GetProperty("outOfScope").GetBoolean());
        Assert.Equal("oos", body.GetProperty("intent").GetString());
    }

    [Theory]
    [InlineData("{\"text\":\"\"}", "text")]
    [InlineData("{\"text\":\"   \"}", "text")]
    [InlineData("{}", "text")]
    [InlineData("{\"text\":\"hello\",\"top\":0}", "top")]
    [InlineData("{\"text\":\"hello\",\"top\":11}", "top")]
    [InlineData("{\"text\":\"hello\",\"merchantId\":\"\"}", "merchantId")]
    public async Task Predict_refuses_bad_input_with_a_validation_problem(string json, string field)
    {
        using var response = await Client.PostAsync("/api/nlu/intents:predict", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_text_over_2000_characters_is_refused_and_one_of_2000_is_accepted()
    {
        using var tooLong = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = new string('a', 2001) });
        using var longest = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = new string('a', 2000) });

        var problem = await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Contains("2000", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await Client.PostAsync("/api/nlu/intents:predict", new StringContent("{\"text\":", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_merchant_gets_the_base_model_prediction()
    {
        using var withMerchant = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "where is my parcel", merchantId = "never-seen-shop" });
        using var without = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "where is my parcel" });

        Assert.Equal(HttpStatusCode.OK, withMerchant.StatusCode);
        Assert.Equal((await JsonBody(without)).GetProperty("intent").GetString(), (await JsonBody(withMerchant)).GetProperty("intent").GetString());
    }

    [Fact]
    public async Task A_merchant_intent_added_live_is_found_for_that_merchant_only()
    {
        const string question = "do you sell the red dragon mug collection";
        string[] examples =
        [
            "do you sell the red dragon mug", "is the dragon mug collection in stock", "I want the dragon mug set",
            "dragon mug collection price", "when will dragon mugs be back",
        ];
        using var before = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = question, merchantId = "shop-dragon" });
        Assert.NotEqual("dragon_mug", (await JsonBody(before)).GetProperty("intent").GetString());

        using var put = await Client.PutAsJsonAsync("/api/nlu/merchants/shop-dragon/intents/dragon_mug", new { examples });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains("dragon_mug", (await JsonBody(put)).GetProperty("intents").EnumerateArray().Select(i => i.GetString()));
        using var mine = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = question, merchantId = "shop-dragon" });
        var body = await JsonBody(mine);
        Assert.Equal("dragon_mug", body.GetProperty("intent").GetString());
        Assert.False(body.GetProperty("outOfScope").GetBoolean());
        using var other = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = question, merchantId = "shop-other" });
        Assert.NotEqual("dragon_mug", (await JsonBody(other)).GetProperty("intent").GetString());
        using var unrelated = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "where is my parcel", merchantId = "shop-dragon" });
        Assert.Equal("order_status", (await JsonBody(unrelated)).GetProperty("intent").GetString());
    }

    [Theory]
    [InlineData("{\"examples\":[\"a\",\"b\",\"c\",\"d\"]}", "examples")]
    [InlineData("{\"examples\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}", "examples")]
    [InlineData("{\"examples\":[\"a\",\"b\",\"\",\"d\",\"e\"]}", "examples[2]")]
    [InlineData("{}", "examples")]
    public async Task A_merchant_intent_needs_five_to_ten_non_empty_examples(string json, string field)
    {
        using var response = await Client.PutAsync("/api/nlu/merchants/shop-1/intents/gift_wrap", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_merchant_intent_name_with_spaces_is_refused()
    {
        using var response = await Client.PutAsJsonAsync("/api/nlu/merchants/shop-1/intents/gift%20wrap",
            new { examples = new[] { "a gift", "wrap it", "gift wrap", "wrapping", "as a present" } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("intent", out _));
    }

    [Fact]
    public async Task A_faq_question_asked_as_written_is_answered()
    {
        using var response = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query = "How do I track my order?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonBody(response);
        Assert.Equal("answer", body.GetProperty("decision").GetString());
        Assert.Equal("faq-0001", body.GetProperty("answer").GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("answer").GetProperty("answer").GetString()));
        var first = body.GetProperty("candidates")[0];
        Assert.Equal("faq-0001", first.GetProperty("id").GetString());
        Assert.Equal("How do I track my order?", first.GetProperty("question").GetString());
    }

    [Fact]
    public async Task A_shop_faq_entry_is_matched_only_in_that_shops_context()
    {
        const string query = "What is the return address for shop-1001?";

        using var inShop = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query, merchantId = "shop-1001" });
        using var outside = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query });

        Assert.Equal("faq-0118", (await JsonBody(inShop)).GetProperty("candidates")[0].GetProperty("id").GetString());
        Assert.DoesNotContain("faq-0118", (await JsonBody(outside)).GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Gibberish_gets_no_faq_answer()
    {
        using var response = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query = "qwx zzv plonk" });

        var body = await JsonBody(response);
        Assert.NotEqual("answer", body.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("answer").ValueKind);
    }

    [Theory]
    [InlineData("how can I get my money back for a broken kettle")]
    [InlineData("我想开发票")]
    [InlineData("shop return address")]
    public async Task Faq_queries_encoded_in_onnx_runtime_rank_like_the_csharp_encoder(string query)
    {
        var engine = fixture.Silo.App.Services.GetRequiredService<NluModelState>().Engine!;
        var expected = engine.Faq.Match(query, "shop-1001");

        using var response = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query, merchantId = "shop-1001" });

        var candidates = (await JsonBody(response)).GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal(expected.Candidates.Select(c => c.Entry.Id), candidates.Select(c => c.GetProperty("id").GetString()));
        for (var i = 0; i < candidates.Length; i++)
        {
            Assert.Equal(expected.Candidates[i].Score, candidates[i].GetProperty("score").GetSingle(), 0.001f);
        }
    }

    [Fact]
    public async Task Texts_without_any_word_are_answered_not_failed()
    {
        using var faq = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query = "?!" });
        using var intent = await Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "?!", merchantId = "shop-dragon" });

        Assert.Equal(HttpStatusCode.OK, faq.StatusCode);
        Assert.NotEqual("answer", (await JsonBody(faq)).GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.OK, intent.StatusCode);
    }

    [Fact]
    public async Task An_empty_faq_query_is_a_400_problem()
    {
        using var response = await Client.PostAsJsonAsync("/api/nlu/faq/match", new { query = "" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("query", out _));
    }

    [Fact]
    public async Task Models_lists_the_loaded_models_with_the_versions_on_disk()
    {
        using var response = await Client.GetAsync("/api/nlu/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonBody(response);
        Assert.Equal("Ready", body.GetProperty("status").GetString());
        var models = body.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(
            ModelDirectory.ReadManifest(Path.Combine(SharedNluModels.Directory, "intents")).Version,
            models["intents"].GetProperty("version").GetString());
        Assert.Equal("onnxruntime", models["intents"].GetProperty("engine").GetString());
        Assert.Equal(
            ModelDirectory.ReadManifest(Path.Combine(SharedNluModels.Directory, "faq-encoder")).Version,
            models["faq-encoder"].GetProperty("version").GetString());
        Assert.Equal("onnxruntime", models["faq-encoder"].GetProperty("engine").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_nlu_endpoints()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");

        var paths = (await JsonBody(response)).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/nlu/intents:predict").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/nlu/faq/match").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/nlu/merchants/{merchantId}/intents/{intent}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/nlu/models").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Readiness_includes_the_nlu_check_once_models_are_loaded()
    {
        using var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await JsonBody(response)).GetProperty("checks").GetProperty("nlu").GetString());
    }

    private static async Task<JsonElement> JsonBody(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
