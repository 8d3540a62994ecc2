using CommerceBrain.Nlu.Intents;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Training;

public sealed class IntentTrainerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nlu-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_same_seed_and_data_give_identical_model_bytes_whatever_the_thread_count()
    {
        var data = TinyData.Intents(withOos: true);
        var a = Bytes(IntentTrainer.Train(data, TinyData.FastOptions(threads: 2)).Model, "a");
        var b = Bytes(IntentTrainer.Train(data, TinyData.FastOptions(threads: 2)).Model, "b");
        var c = Bytes(IntentTrainer.Train(data, TinyData.FastOptions(threads: 1)).Model, "c");
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void A_different_seed_gives_a_different_model()
    {
        var data = TinyData.Intents();
        var a = Bytes(IntentTrainer.Train(data, TinyData.FastOptions(seed: 1)).Model, "a");
        var b = Bytes(IntentTrainer.Train(data, TinyData.FastOptions(seed: 2)).Model, "b");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Training_learns_the_intents_and_reports_progress_per_epoch()
    {
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress(reports);
        var options = TinyData.FastOptions(hidden: 16);
        var result = IntentTrainer.Train(TinyData.Intents(), options, progress);

        using var classifier = new IntentClassifier(result.Model);
        Assert.Equal("refund", classifier.Predict("I would like a refund for my purchase").Intent);
        Assert.Equal("track_order", classifier.Predict("where is my parcel").Intent);
        Assert.Equal("invoice", classifier.Predict("please send the invoice").Intent);
        Assert.Equal("cancel_order", classifier.Predict("取消这个订单").Intent);

        Assert.Equal(2 * options.Epochs, reports.Count);
        Assert.All(reports, r => Assert.NotNull(r.ValidationAccuracy));
        Assert.Contains(reports, r => r.Member == 1 && r.Epoch == options.Epochs);
        Assert.True(reports.Where(r => r.Member == 0).Last().Loss < reports.First(r => r.Member == 0).Loss);
    }

    [Fact]
    public void Early_stopping_ends_a_member_after_patience_epochs_without_improvement()
    {
        var options = TinyData.FastOptions() with { Epochs = 200, Patience = 3 };
        var result = IntentTrainer.Train(TinyData.Intents(), options);
        Assert.All(result.EpochsPerMember, e => Assert.InRange(e, 4, 199));
    }

    [Fact]
    public void Fewer_than_two_labels_is_rejected() =>
        Assert.Throws<ArgumentException>(() => IntentTrainer.Train([new("a", "x"), new("b", "x")], TinyData.FastOptions()));

    private byte[] Bytes(IntentModel model, string name)
    {
        var dir = Path.Combine(_dir, name);
        ModelDirectory.SaveIntentModel(model, dir);
        return File.ReadAllBytes(Path.Combine(dir, ModelDirectory.OnnxFile));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private sealed class SynchronousProgress(List<TrainingProgress> sink) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
