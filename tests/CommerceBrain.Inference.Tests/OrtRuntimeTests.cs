namespace CommerceBrain.Inference.Tests;

public sealed class OrtRuntimeTests
{
    [Fact]
    public void A_native_library_that_fails_to_load_is_reported_with_where_it_comes_from()
    {
        // What the managed API throws when libonnxruntime is absent: its P/Invoke type fails to initialise.
        var missing = new TypeInitializationException(
            "Microsoft.ML.OnnxRuntime.NativeMethods", new DllNotFoundException("Unable to load shared library 'onnxruntime'"));

        var error = Assert.Throws<OnnxRuntimeNotFoundException>(() => OrtRuntime.Call<int>(() => throw missing));

        Assert.Same(missing, error.InnerException);
        Assert.Contains("Unable to load shared library 'onnxruntime'", error.Message);
        Assert.Contains("Microsoft.ML.OnnxRuntime", error.Message);
        Assert.Contains("runtimes/<rid>/native/", error.Message);
    }

    [Fact]
    public void Other_failures_pass_through_unchanged()
    {
        var other = new InvalidOperationException("not a loader problem");

        Assert.Same(other, Assert.Throws<InvalidOperationException>(() => OrtRuntime.Call<int>(() => throw other)));
    }
}
