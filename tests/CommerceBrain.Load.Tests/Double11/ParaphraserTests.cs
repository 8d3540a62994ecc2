using System.Text.RegularExpressions;
using CommerceBrain.Load.Double11;

namespace CommerceBrain.Load.Tests.Double11;

public sealed partial class ParaphraserTests
{
    private static readonly IReadOnlyList<FaqQuestion> Questions = PlatformFaq.Load();

    [Fact]
    public void Bundled_platform_faq_has_customer_questions_and_none_asking_for_a_person()
    {
        Assert.True(Questions.Count >= 50, $"only {Questions.Count} questions");
        Assert.All(Questions, q => Assert.Null(q.MerchantId));
        Assert.DoesNotContain(Questions, q => q.Question.Contains("human agent", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Same_seed_gives_the_same_paraphrases()
    {
        var a = new Random(42);
        var b = new Random(42);
        foreach (var q in Questions)
        {
            Assert.Equal(Paraphraser.Paraphrase(q.Question, a), Paraphraser.Paraphrase(q.Question, b));
        }
    }

    [Fact]
    public void Another_seed_gives_other_paraphrases()
    {
        var a = new Random(1);
        var b = new Random(2);
        var differing = Questions.Count(q => Paraphraser.Paraphrase(q.Question, a) != Paraphraser.Paraphrase(q.Question, b));
        Assert.True(differing > Questions.Count / 2, $"only {differing} of {Questions.Count} differ");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2026)]
    public void Paraphrases_are_never_empty_and_always_differ_from_the_question(int seed)
    {
        var random = new Random(seed);
        foreach (var q in Questions.Concat(ChineseQuestions))
        {
            for (var i = 0; i < 20; i++)
            {
                var p = Paraphraser.Paraphrase(q.Question, random);
                Assert.False(string.IsNullOrWhiteSpace(p));
                Assert.NotEqual(Words(q.Question), Words(p));
                Assert.True(p.Length <= q.Question.Length + 60, $"'{p}' grew too long");
            }
        }
    }

    [Fact]
    public void Paraphrases_keep_most_content_words_so_the_faq_can_still_answer()
    {
        var random = new Random(11);
        foreach (var q in Questions)
        {
            var content = ContentWords(q.Question);
            if (content.Count < 2)
            {
                continue;
            }

            for (var i = 0; i < 10; i++)
            {
                var p = Paraphraser.Paraphrase(q.Question, random).ToLowerInvariant();
                var kept = content.Count(w => p.Contains(w, StringComparison.Ordinal));
                // One word may be swapped for a synonym and one may carry a typo.
                Assert.True(kept >= content.Count - 2, $"'{p}' kept {kept} of {string.Join(",", content)}");
            }
        }
    }

    [Fact]
    public void Chinese_questions_get_chinese_politeness_and_no_latin_typos()
    {
        var random = new Random(5);
        foreach (var q in ChineseQuestions)
        {
            for (var i = 0; i < 20; i++)
            {
                var p = Paraphraser.Paraphrase(q.Question, random);
                Assert.True(Paraphraser.IsChinese(p), p);
                Assert.DoesNotMatch("[A-Za-z]", p);
            }
        }
    }

    [Fact]
    public void Paraphrases_never_ask_for_a_person()
    {
        var random = new Random(3);
        foreach (var q in Questions.Concat(ChineseQuestions))
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.False(Paraphraser.AsksForPerson(Paraphraser.Paraphrase(q.Question, random)));
            }
        }
    }

    private static readonly FaqQuestion[] ChineseQuestions =
    [
        new("zh-1", "怎么申请发票？", "m-001"),
        new("zh-2", "可以开增值税专用发票吗？", "m-002"),
        new("zh-3", "茶叶保质期多久？", "m-010"),
    ];

    private static string Words(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static List<string> ContentWords(string question) =>
        WordRegex().Matches(question.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length >= 5 && w is not ("where" or "which" or "there" or "about")).Distinct().ToList();

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex WordRegex();
}
