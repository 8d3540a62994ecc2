using CommerceBrain.Inference.Native;

namespace CommerceBrain.Inference.Tests;

public sealed class NativeLibraryTests
{
    [Fact]
    public void The_build_puts_the_native_library_next_to_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, OrtApi.LibraryFileName)));
    }

    [Fact]
    public void A_missing_native_library_is_a_clear_error_that_says_how_to_get_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", OrtApi.LibraryFileName);

        var error = Assert.Throws<OnnxRuntimeNotFoundException>(() => OrtApi.LoadFrom(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("npm pack onnxruntime-node@1.22.0", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_shared_library_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-library-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "this is not a shared library");
        try
        {
            var error = Assert.Throws<OnnxRuntimeNotFoundException>(() => OrtApi.LoadFrom(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_shared_library_that_is_not_onnx_runtime_is_a_clear_error()
    {
        // The .NET runtime's own native helper library is always present next to System.Private.CoreLib.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var other = Directory.GetFiles(runtimeDir, OperatingSystem.IsWindows() ? "System.Native*.dll" : "libSystem.Native.*").FirstOrDefault();
        Assert.NotNull(other);

        var error = Assert.Throws<OnnxRuntimeNotFoundException>(() => OrtApi.LoadFrom(other));

        Assert.Contains("OrtGetApiBase", error.Message);
    }
}
