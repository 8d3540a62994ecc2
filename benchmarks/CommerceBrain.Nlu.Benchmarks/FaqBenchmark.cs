using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CommerceBrain.Nlu.Faq;
using CommerceBrain.Nlu.Text;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Benchmarks;

/// <summary>
/// Indexes N synthetic FAQ entries (built by recombining the demo corpus' questions with random product words, so
/// vocabulary and lengths are realistic) and measures index time and single-query latency percentiles.
/// </summary>
internal static class FaqBenchmark
{
    public static Command Create()
    {
        var faq = new Option<FileInfo>("--faq") { Description = "FAQ corpus (JSON lines) to train the encoder and seed entries.", Required = true };
        var entries = new Option<int>("--entries") { DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { DefaultValueFactory = _ => 2_000 };
        var command = new Command("faq", "FAQ matcher index time and query latency.") { faq, entries, queries };
        command.SetAction(parse =>
        {
            var corpus = FaqCatalog.Read(parse.GetValue(faq)!.FullName);
            var n = parse.GetValue(entries);
            var q = parse.GetValue(queries);
            var sw = Stopwatch.StartNew();
            var encoder = EncoderTrainer.Train(FaqCatalog.ParaphraseGroups(corpus), new EncoderTrainerOptions());
            Console.WriteLine(Line($"encoder trained on {corpus.Count} groups in {sw.Elapsed.TotalSeconds:F1} s"));

            var rng = new Random(1);
            var words = corpus.SelectMany(e => Tokenizer.Tokenize(TextNormalizer.Normalize(e.Question + " " + string.Join(' ', e.Paraphrases))))
                .Distinct(StringComparer.Ordinal).ToArray();
            var synthetic = new FaqEntry[n];
            for (var i = 0; i < n; i++)
            {
                var seed = corpus[i % corpus.Count];
                string Noise() => string.Join(' ', Enumerable.Range(0, 3).Select(_ => words[rng.Next(words.Length)]));
                synthetic[i] = new FaqEntry($"e{i}", seed.Question + " " + Noise(),
                    seed.Paraphrases.Take(3).Select(p => p + " " + Noise()).ToArray(), seed.Answer, seed.Tags,
                    i % 10 == 0 ? $"shop-{i % 1000}" : null);
            }

            var matcher = new FaqMatcher(encoder);
            sw.Restart();
            matcher.Index(synthetic);
            var indexSeconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(Line($"indexed {n} entries ({n * 4} texts) in {indexSeconds:F1} s"));

            var queryTexts = Enumerable.Range(0, q).Select(i => corpus[rng.Next(corpus.Count)].Paraphrases.FirstOrDefault() ?? "where is my order").ToArray();
            for (var i = 0; i < Math.Min(200, q); i++)
            {
                matcher.Match(queryTexts[i], "shop-10");
            }

            var latencies = new double[q];
            for (var i = 0; i < q; i++)
            {
                var t = Stopwatch.GetTimestamp();
                matcher.Match(queryTexts[i], i % 2 == 0 ? "shop-10" : null);
                latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }

            Array.Sort(latencies);
            double P(double p) => latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];
            Console.WriteLine(Line($"query latency over {n} entries: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F2} ms ({q} queries, one thread)"));
            return 0;
        });
        return command;
    }

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
