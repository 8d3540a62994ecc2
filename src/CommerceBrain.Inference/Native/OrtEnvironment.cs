using System.Text;

namespace CommerceBrain.Inference.Native;

/// <summary>
/// The process-wide ORT objects: one <c>OrtEnv</c> (ORT keeps a single environment per process), the CPU memory info used
/// to wrap managed buffers, and the default allocator (owned by ORT, never released). They live as long as the process,
/// because sessions and values may outlive any owner we could pick.
/// </summary>
internal sealed unsafe class OrtEnvironment
{
    const int LoggingLevelError = 3;
    const int ArenaAllocator = 1;
    const int MemTypeDefault = 0;

    static readonly Lock InitLock = new();
    static OrtEnvironment? instance;

    OrtEnvironment(OrtApi api, OrtEnvHandle env, OrtMemoryInfoHandle cpuMemory, nint allocator)
    {
        Api = api;
        Env = env;
        CpuMemory = cpuMemory;
        DefaultAllocator = allocator;
    }

    public OrtApi Api { get; }

    public OrtEnvHandle Env { get; }

    public OrtMemoryInfoHandle CpuMemory { get; }

    public nint DefaultAllocator { get; }

    public static OrtEnvironment Instance
    {
        get
        {
            var current = Volatile.Read(ref instance);
            if (current is not null)
                return current;
            lock (InitLock)
            {
                instance ??= Create();
                return instance;
            }
        }
    }

    static OrtEnvironment Create()
    {
        var api = OrtApi.Instance;
        nint env = 0, memory = 0, allocator = 0;
        fixed (byte* logId = Encoding.UTF8.GetBytes("CommerceBrain.Inference\0"))
            api.Check(api.CreateEnv(LoggingLevelError, logId, &env), "Creating the ONNX Runtime environment");
        var envHandle = OrtHandle.Own<OrtEnvHandle>(env);
        api.Check(api.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &memory), "Creating CPU memory info");
        var memoryHandle = OrtHandle.Own<OrtMemoryInfoHandle>(memory);
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "Getting the default allocator");
        return new OrtEnvironment(api, envHandle, memoryHandle, allocator);
    }
}
