using CommerceBrain.Silo.CommandLine;

return await CommerceBrainCommandLine.InvokeAsync(args);
