using System.Runtime.InteropServices;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// SIGSTOP / SIGCONT: freezes a process the way a long GC pause, CPU starvation or a hung VM does: its sockets stay
/// open, nothing answers.
/// </summary>
public static class ProcessFreeze
{
    private const int Sigcont = 18;
    private const int Sigstop = 19;

    public static void Freeze(SiloProcess silo) => Send(silo, Sigstop, "SIGSTOP");

    public static void Resume(SiloProcess silo) => Send(silo, Sigcont, "SIGCONT");

    private static void Send(SiloProcess silo, int signal, string name)
    {
        if (Kill(silo.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
