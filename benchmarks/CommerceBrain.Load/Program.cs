using CommerceBrain.Load.Commands;

// First Ctrl+C: stop the load and still write the report of what ran. Second: the default (terminate).
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};

return await LoadCommandLine.InvokeAsync(args, Console.Out, Console.Error, stop.Token);
