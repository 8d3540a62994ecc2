using System.Runtime.InteropServices;

namespace CommerceBrain.Inference.Native;

/// <summary>Base for ORT object handles: releases through the matching <c>Release*</c> slot exactly once.</summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    public nint Value => handle;

    /// <summary>Takes ownership of a pointer ORT just produced.</summary>
    public static T Own<T>(nint pointer) where T : OrtHandle, new()
    {
        var owned = new T();
        owned.SetHandle(pointer);
        return owned;
    }
}

internal sealed class OrtSessionOptionsHandle : OrtHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseSessionOptions(handle);
        return true;
    }
}

internal sealed class OrtSessionHandle : OrtHandle
{
    /// <summary>Native UTF-8 copies of the input and output names, freed with the session (a Run may still use them).</summary>
    public nint NameBlock { get; set; }

    protected override unsafe bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseSession(handle);
        if (NameBlock != 0)
            System.Runtime.InteropServices.NativeMemory.Free((void*)NameBlock);
        return true;
    }
}

internal sealed class OrtValueHandle : OrtHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseValue(handle);
        return true;
    }
}

internal sealed class OrtMemoryInfoHandle : OrtHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseMemoryInfo(handle);
        return true;
    }
}

internal sealed class OrtEnvHandle : OrtHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseEnv(handle);
        return true;
    }
}
