using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Nlu.Models;

namespace CommerceBrain.IntegrationTests;

public sealed class NluStartupTests
{
    [Fact]
    public async Task The_first_start_trains_the_models_into_the_data_directory_and_a_restart_reuses_them()
    {
        using var data = TempDirectory.Create();
        // No shared models: this silo must train its own from the bundled demo corpus.
        var ownModels = new Dictionary<string, string?> { [SharedNluModels.ModelDirectoryVariable] = null };
        var intents = Path.Combine(data.Path, "models", "intents");
        var faqEncoder = Path.Combine(data.Path, "models", "faq-encoder");

        string version;
        await using (var first = SiloProcess.Serve(data.Path, environment: ownModels))
        {
            using var client = await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(4));

            Assert.True(File.Exists(Path.Combine(intents, ModelDirectory.OnnxFile)), first.Describe());
            Assert.True(File.Exists(Path.Combine(faqEncoder, ModelDirectory.ManifestFile)), first.Describe());
            Assert.Contains("Training intents: member 0 epoch 1/", first.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("validation accuracy", first.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Trained the intents model", first.StandardOutput, StringComparison.Ordinal);
            version = ModelDirectory.ReadManifest(intents).Version;
            using var predicted = await client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "where is my order" });
            Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
            first.Terminate();
            Assert.Equal(0, await first.WaitForExitAsync());
        }

        var trainedAt = File.GetLastWriteTimeUtc(Path.Combine(intents, ModelDirectory.OnnxFile));
        await using var second = SiloProcess.Serve(data.Path, environment: ownModels);
        using var again = await second.WaitUntilReadyAsync();

        Assert.DoesNotContain("Training the intents model", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Using the existing intents model {version}", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(Path.Combine(intents, ModelDirectory.OnnxFile)));
        var models = JsonDocument.Parse(await again.GetStringAsync("/api/nlu/models")).RootElement;
        Assert.Equal(version, models.GetProperty("models")[0].GetProperty("version").GetString());
    }

    [Fact]
    public async Task While_models_train_readiness_and_the_nlu_endpoints_answer_503_with_retry_after()
    {
        using var work = TempDirectory.Create();
        // A FIFO as training file: training blocks on it until the test writes the data, so "still training" is a
        // state the test holds deterministically instead of a race against the trainer.
        var fifo = Path.Combine(work.Path, "intents.csv");
        await MakeFifoAsync(fifo);
        var writerStarted = false;
        try
        {
            await using var silo = await TestSilo.StartAsync(
                configuration: new Dictionary<string, string?>
                {
                    [SharedNluModels.ModelDirectorySetting] = Path.Combine(work.Path, "models"),
                    ["CommerceBrain:Nlu:IntentTrainingFile"] = fifo,
                },
                waitForNlu: false);

            using var live = await silo.Client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using var ready = await silo.Client.GetAsync("/health/ready");
            var notReady = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Unhealthy", notReady.GetProperty("checks").GetProperty("nlu").GetString());
            using var predict = await silo.Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "where is my order" });
            await ProblemAssert.IsProblemAsync(predict, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(predict.Headers.RetryAfter?.Delta);
            using var faq = await silo.Client.PostAsJsonAsync("/api/nlu/faq/match", new { query = "track my order" });
            await ProblemAssert.IsProblemAsync(faq, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(faq.Headers.RetryAfter);
            var models = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/nlu/models")).RootElement;
            Assert.Equal("Starting", models.GetProperty("status").GetString());

            writerStarted = true;
            SmallIntentCorpus.Write(fifo);

            await Eventually.UntilAsync(async () =>
            {
                using var response = await silo.Client.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }, "NLU to become ready after training", TimeSpan.FromMinutes(3));
            using var answered = await silo.Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "do you have food for my kitten" });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Equal("pet_food", JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement.GetProperty("intent").GetString());
        }
        finally
        {
            if (!writerStarted)
            {
                // Unblock a trainer still waiting on the FIFO; if none ever opened it, give up after a while.
                try
                {
                    await Task.Run(() => SmallIntentCorpus.Write(fifo)).WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (TimeoutException)
                {
                    // No reader: nothing is blocked on the FIFO.
                }
            }
        }
    }

    [Fact]
    public async Task Without_models_and_with_training_off_the_silo_stays_unready_and_says_why()
    {
        using var work = TempDirectory.Create();
        await using var silo = await TestSilo.StartAsync(configuration: new Dictionary<string, string?>
        {
            [SharedNluModels.ModelDirectorySetting] = work.Path,
            ["CommerceBrain:Nlu:TrainOnStart"] = "false",
        });

        using var ready = await silo.Client.GetAsync("/health/ready");
        var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("TrainOnStart", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var predict = await silo.Client.PostAsJsonAsync("/api/nlu/intents:predict", new { text = "where is my order" });
        await ProblemAssert.IsProblemAsync(predict, HttpStatusCode.ServiceUnavailable);
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task A_malformed_training_file_leaves_nlu_unavailable_without_writing_a_model()
    {
        using var work = TempDirectory.Create();
        var bad = Path.Combine(work.Path, "bad.csv");
        await File.WriteAllTextAsync(bad, "text,label\nwhere is my order,track\nthis \"quote is wrong,track\n");
        var models = Path.Combine(work.Path, "models");

        await using var silo = await TestSilo.StartAsync(configuration: new Dictionary<string, string?>
        {
            [SharedNluModels.ModelDirectorySetting] = models,
            ["CommerceBrain:Nlu:IntentTrainingFile"] = bad,
        });

        using var ready = await silo.Client.GetAsync("/health/ready");
        var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", problem.GetProperty("checks").GetProperty("nlu").GetString());
        Assert.False(Directory.Exists(Path.Combine(models, "intents")));
        var status = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/nlu/models")).RootElement;
        Assert.Equal("Unavailable", status.GetProperty("status").GetString());
    }

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo did not start.");
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
