using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CommerceBrain.Identity.Tests;

/// <summary>A host environment named Production, for registering the module outside a host.</summary>
internal sealed class ProductionEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;

    public string ApplicationName { get; set; } = "tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
