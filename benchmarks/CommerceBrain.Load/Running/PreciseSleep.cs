using System.Runtime.InteropServices;

namespace CommerceBrain.Load.Running;

/// <summary>
/// Sub-millisecond sleeps for the open-model scheduler: Thread.Sleep rounds to whole milliseconds, which would release
/// iterations up to a millisecond late and add that to every measured latency; usleep on Linux wakes within ~0.1 ms.
/// </summary>
internal static class PreciseSleep
{
    private static readonly bool HasUsleep = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Sleeps about <paramref name="micros"/> microseconds.</summary>
    public static void Micros(long micros)
    {
        if (micros <= 0)
        {
            return;
        }

        if (HasUsleep && micros < 1_000_000)
        {
            _ = usleep((uint)micros);
        }
        else
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, micros / 1000)));
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled; one blittable call does not justify it.
    [DllImport("libc", SetLastError = false)]
    private static extern int usleep(uint microseconds);
#pragma warning restore SYSLIB1054
}
