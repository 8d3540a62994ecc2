using System.Diagnostics;
using CommerceBrain.Actors.Filters;

namespace CommerceBrain.Silo.Telemetry;

/// <summary>
/// One Activity and one duration measurement per incoming grain call. Tags name the grain type and method, never the
/// key: keys are customer, order or session ids.
/// </summary>
public sealed class GrainCallTracingFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var grainType = context.GrainId.Type;
        var method = context.InterfaceMethod.Name;
        var service = context.InterfaceMethod.DeclaringType?.Name ?? grainType;
        using var activity = SiloTelemetry.ActivitySource.StartActivity($"{service}/{method}", ActivityKind.Server);
        activity?.SetTag("rpc.system", "commercebrain");
        activity?.SetTag("rpc.service", service);
        activity?.SetTag("rpc.method", method);
        activity?.SetTag("commercebrain.grain.type", grainType);

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await context.Invoke();
        }
        catch (Exception ex)
        {
            outcome = "error";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            var tags = new TagList
            {
                { "commercebrain.grain.type", grainType },
                { "rpc.method", method },
                { "outcome", outcome },
            };
            SiloTelemetry.GrainCalls.Add(1, tags);
            SiloTelemetry.GrainCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
