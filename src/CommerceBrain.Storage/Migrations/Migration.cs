namespace CommerceBrain.Storage.Migrations;

/// <summary>One versioned SQL script of a module for one provider.</summary>
/// <param name="Module">The owning module, e.g. <c>storage</c> or <c>coupons</c>; versions are numbered per module.</param>
/// <param name="Version">The number in the file name (<c>0001_initial.sql</c> → 1); applied in ascending order.</param>
/// <param name="Name">The file name, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The script, run inside one transaction.</param>
public sealed record Migration(string Module, int Version, string Name, string Sql);
