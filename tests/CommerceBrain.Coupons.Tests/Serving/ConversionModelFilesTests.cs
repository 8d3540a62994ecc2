using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Serving;

namespace CommerceBrain.Coupons.Tests.Serving;

public sealed class ConversionModelFilesTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cb-conv-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_same_seed_and_size_train_the_same_model()
    {
        var first = ConversionModelFiles.Train(3_000, 7);
        var second = ConversionModelFiles.Train(3_000, 7);
        var other = ConversionModelFiles.Train(3_000, 8);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
        Assert.Equal(first.Version, second.Version);
        Assert.NotEqual(first.Weights, other.Weights);
    }

    [Fact]
    public void A_saved_model_loads_back_with_the_same_weights_and_predictions()
    {
        var file = Path.Combine(directory, "models", ConversionModelOptions.DefaultFileName);
        var model = ConversionModelFiles.Train(3_000, 7);

        ConversionModelFiles.Save(model, file, 7, 3_000, DateTimeOffset.UnixEpoch);
        var (loaded, metadata) = ConversionModelFiles.Load(file);

        Assert.True(ConversionModelFiles.Exists(file));
        Assert.Equal(model.Weights, loaded.Weights);
        Assert.Equal(3_000, metadata.TrainingCustomers);
        var customer = new CustomerFeatures(CustomerSegment.New, 0, 2500, 0, 0.8);
        Assert.Equal(model.Predict(customer, 500), loaded.Predict(customer, 500), 6);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public void Damaged_metadata_is_reported_as_invalid_data()
    {
        var file = Path.Combine(directory, ConversionModelOptions.DefaultFileName);
        ConversionModelFiles.Save(ConversionModelFiles.Train(3_000, 7), file, 7, 3_000, DateTimeOffset.UnixEpoch);
        File.WriteAllText(ConversionModelFiles.MetadataFile(file), "{\"version\":\"v\",\"weights\":[1,2]}");

        Assert.Throws<InvalidDataException>(() => ConversionModelFiles.Load(file));
    }
}
