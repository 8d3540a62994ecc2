namespace CommerceBrain.Storage.GroupCommit;

/// <summary>Creates group-commit writers on the configured database with its bulk path.</summary>
public interface IGroupCommitWriterFactory
{
    /// <summary>
    /// A writer appending to <paramref name="table"/> (PostgreSQL: one binary COPY per batch; SQLite: one transaction
    /// with a prepared INSERT). <paramref name="options"/> defaults to <c>CommerceBrain:Storage:GroupCommit</c>.
    /// The caller owns the writer and disposes it (which flushes) at shutdown.
    /// </summary>
    GroupCommitWriter<TRow> Create<TRow>(AppendOnlyTable<TRow> table, GroupCommitOptions? options = null);
}
