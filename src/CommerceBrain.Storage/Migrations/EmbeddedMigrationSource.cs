using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CommerceBrain.Storage.Migrations;

/// <summary>
/// Migrations embedded in an assembly as <c>…/Migrations/Sqlite/0001_name.sql</c> and
/// <c>…/Migrations/PostgreSql/0001_name.sql</c> (any folder above <c>Migrations</c>).
/// </summary>
public sealed partial class EmbeddedMigrationSource : IMigrationSource
{
    private readonly Assembly _assembly;

    public EmbeddedMigrationSource(string module, Assembly assembly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentNullException.ThrowIfNull(assembly);
        Module = module;
        _assembly = assembly;
    }

    public string Module { get; }

    public IReadOnlyList<Migration> GetMigrations(StorageProviderKind provider)
    {
        var marker = $".Migrations.{provider}.";
        var migrations = new List<Migration>();
        foreach (var resource in _assembly.GetManifestResourceNames())
        {
            var at = resource.LastIndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[(at + marker.Length)..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration resource '{resource}' must be named NNNN_description.sql (e.g. 0001_initial.sql).");
            }

            using var stream = _assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(Module, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), fileName, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Module '{Module}' has two {provider} migrations numbered {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    [GeneratedRegex(@"^(\d{1,9})_[A-Za-z0-9_\-]+\.sql$")]
    private static partial Regex FileNamePattern();
}
