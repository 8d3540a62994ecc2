using System.Runtime.InteropServices;

namespace CommerceBrain.Inference.Native;

/// <summary>
/// The slice of ONNX Runtime's <c>OrtApi</c> function table this module calls. The table is append-only, so a slot index
/// is stable across versions; indices come from docs (shared reference: onnxruntime-c-api.md §5.3), checked against 1.22.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The API version requested; the npm 1.22 library supports 1..22.</summary>
    public const uint ApiVersion = 22;

    static readonly Lock InitLock = new();
    static OrtApi? instance;

    public readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionExecutionMode;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> IsTensor;
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetTensorShapeElementCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetValueType;
    public readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint> AddSessionConfigEntry;

    /// <summary>The library's own version string, e.g. "1.22.0".</summary>
    public string Version { get; }

    OrtApi(void** table, string version)
    {
        Version = version;
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)table[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)table[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)table[3];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint>)table[7];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)table[8];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)table[9];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[10];
        SetSessionExecutionMode = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[13];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[31];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[34];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[37];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)table[49];
        IsTensor = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[50];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)table[51];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[55];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[56];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)table[62];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[64];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[65];
        GetValueType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[67];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)table[69];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)table[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[78];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)table[92];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)table[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)table[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)table[96];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[98];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[100];
        AddSessionConfigEntry = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)table[130];
    }

    /// <summary>The process-wide table; loads the native library on first use.</summary>
    /// <exception cref="OnnxRuntimeNotFoundException">The native library is missing or unusable.</exception>
    public static OrtApi Instance
    {
        get
        {
            var current = Volatile.Read(ref instance);
            if (current is not null)
                return current;
            lock (InitLock)
            {
                // Not cached on failure: a later call after the file is put in place can succeed.
                instance ??= LoadFrom(LibraryPath);
                return instance;
            }
        }
    }

    /// <summary>The native library's file name on this platform.</summary>
    public static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll"
        : OperatingSystem.IsMacOS() ? "libonnxruntime.1.22.0.dylib"
        : "libonnxruntime.so.1";

    /// <summary>Where the library is loaded from: <c>COMMERCEBRAIN_ONNXRUNTIME_PATH</c> if set, else next to the app.</summary>
    public static string LibraryPath =>
        Environment.GetEnvironmentVariable("COMMERCEBRAIN_ONNXRUNTIME_PATH") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, LibraryFileName);

    /// <summary>Loads the library at <paramref name="path"/> and returns its API table.</summary>
    /// <exception cref="OnnxRuntimeNotFoundException">The file is missing, not loadable, not ORT, or too old.</exception>
    internal static OrtApi LoadFrom(string path)
    {
        if (!File.Exists(path))
            throw new OnnxRuntimeNotFoundException(
                $"The ONNX Runtime native library was not found at '{path}'. The build of CommerceBrain.Inference fetches it " +
                "(npm pack onnxruntime-node@1.22.0) and copies it next to the binaries of every project that references it; " +
                "rebuild with npm installed, or set COMMERCEBRAIN_ONNXRUNTIME_PATH to the library file.");

        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeNotFoundException($"The ONNX Runtime native library at '{path}' could not be loaded: {ex.Message}", ex);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
            throw new OnnxRuntimeNotFoundException($"'{path}' does not export OrtGetApiBase; it is not an ONNX Runtime library.");

        // OrtApiBase is { GetApi(uint32) -> const OrtApi*, GetVersionString() -> const char* }.
        var apiBase = ((delegate* unmanaged[Cdecl]<void**>)getApiBase)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, void**>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
        var table = getApi(ApiVersion);
        if (table is null)
            throw new OnnxRuntimeNotFoundException(
                $"The ONNX Runtime library at '{path}' (version {version}) does not support API version {ApiVersion}; use 1.22 or later.");
        return new OrtApi(table, version);
    }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> for a non-null status, releasing the status first.</summary>
    public void Check(nint status, string? context = null)
    {
        if (status == 0)
            return;
        var code = (OrtErrorCode)GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? string.Empty;
        ReleaseStatus(status);
        throw new OnnxRuntimeException(code, message, context);
    }
}
