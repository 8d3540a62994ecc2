using System.Globalization;
using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Faq;
using Xunit.Abstractions;

namespace CommerceBrain.Nlu.Tests.Faq;

/// <summary>
/// Shop FAQs matched for unseen merchants: the encoder is trained on the platform FAQ only, shops give question-answer
/// pairs only, and the questions are held-out wordings (the demo corpus's shop queries and two hand-written shops).
/// </summary>
public sealed class MerchantFaqEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Shop_questions_find_the_shops_own_entry()
    {
        var (hits, total, lines) = ShopAccuracy(new FaqMatcherOptions());
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        var accuracy = (double)hits / total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shop FAQ top-1 accuracy: {hits}/{total} = {accuracy:P1}"));
        Assert.True(accuracy >= 0.33, $"top-1 accuracy {accuracy:P1} is under the floor of 33 %");
    }

    [Fact]
    public void Platform_questions_keep_their_platform_answer_in_a_shops_chat()
    {
        var options = new FaqMatcherOptions();
        var matcher = PlatformMatcher(options);
        var platformQueries = DemoFaq.EvaluationQueries().Where(q => q.Expected is not null && q.Merchant is null).ToArray();
        var shops = DemoFaq.Shops.Append(SyntheticShops.Pets).Append(SyntheticShops.Books).ToArray();
        int asked = 0, rightWithoutShop = 0, stolen = 0, rightInShop = 0;
        foreach (var shop in shops)
        {
            var index = MerchantFaqIndex.Build(shop, DemoFaq.Encoder, options);
            foreach (var (query, expected, _) in platformQueries)
            {
                var embedding = DemoFaq.Encoder.Encode(query);
                var alone = matcher.MatchEncoded(query, embedding).Candidates.FirstOrDefault();
                var inShop = matcher.MatchEncoded(query, embedding, shop.MerchantId, index).Candidates.FirstOrDefault();
                asked++;
                if (alone?.Entry.Id == expected)
                {
                    rightWithoutShop++;
                    if (inShop?.Entry.Merchant is not null)
                    {
                        stolen++;
                        output.WriteLine($"stolen in {shop.MerchantId}: \"{query}\" -> {inShop.Entry.Id} \"{inShop.Entry.Question}\"");
                    }
                }

                if (inShop is not null && inShop.Entry.Id == expected && inShop.Entry.Merchant is null)
                {
                    rightInShop++;
                }
            }
        }

        var stolenShare = (double)stolen / rightWithoutShop;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"platform questions in {shops.Length} shops' chats: {asked} asked, top-1 right without a shop {rightWithoutShop}, with the shop {rightInShop}, taken by a shop entry {stolen} ({stolenShare:P1})"));
        Assert.True(stolenShare <= 0.05, $"{stolenShare:P1} of correctly answered platform questions went to a shop entry");
        Assert.True(rightInShop >= rightWithoutShop * 0.95);
    }

    internal static FaqMatcher PlatformMatcher(FaqMatcherOptions options)
    {
        var matcher = new FaqMatcher(DemoFaq.Encoder, options);
        matcher.Index(DemoFaq.Platform);
        return matcher;
    }

    internal static (int Hits, int Total, List<string> Lines) ShopAccuracy(FaqMatcherOptions options)
    {
        var matcher = PlatformMatcher(options);
        var shops = DemoFaq.Shops.ToDictionary(s => s.MerchantId);
        shops[SyntheticShops.Pets.MerchantId] = SyntheticShops.Pets;
        shops[SyntheticShops.Books.MerchantId] = SyntheticShops.Books;
        var indexes = shops.Values.ToDictionary(s => s.MerchantId, s => MerchantFaqIndex.Build(s, DemoFaq.Encoder, options));
        var queries = DemoFaq.EvaluationQueries()
            .Where(q => q.Merchant is not null)
            .Select(q => (q.Query, q.Expected!, q.Merchant!))
            .Concat(SyntheticShops.PetsQueries.Select(q => (q.Query, q.Expected, SyntheticShops.Pets.MerchantId)))
            .Concat(SyntheticShops.BooksQueries.Select(q => (q.Query, q.Expected, SyntheticShops.Books.MerchantId)));
        var perShop = new Dictionary<string, (int Hits, int Total)>();
        var lines = new List<string>();
        foreach (var (query, expected, merchant) in queries)
        {
            var match = matcher.MatchEncoded(query, DemoFaq.Encoder.Encode(query), merchant, indexes[merchant]);
            var top = match.Candidates.FirstOrDefault();
            var hit = top is not null && top.Entry.Id == expected && top.Entry.Merchant == merchant;
            var (h, t) = perShop.GetValueOrDefault(merchant);
            perShop[merchant] = (h + (hit ? 1 : 0), t + 1);
            if (!hit)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"miss in {merchant}: \"{query}\" expected {expected}, got {top?.Entry.Id} ({top?.Entry.Merchant ?? "platform"}) \"{top?.Entry.Question}\" {top?.Score:F2}"));
            }
        }

        foreach (var (shop, (h, t)) in perShop.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Add($"{shop}: {h}/{t}");
        }

        return (perShop.Values.Sum(v => v.Hits), perShop.Values.Sum(v => v.Total), lines);
    }
}
