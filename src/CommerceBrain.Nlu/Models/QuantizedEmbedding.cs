using System.Numerics.Tensors;

namespace CommerceBrain.Nlu.Models;

/// <summary>
/// A compact, int8-quantised embedding table: <see cref="RowOfBucket"/> maps each hash bucket to a stored row, and row
/// r holds <c>Values[r·Dim .. ]</c> (int8) times <c>Scales[r]</c> (float, max |x| / 127 of the original row). Row 0 is
/// all zeros with scale 0: buckets training never touched map to it, so an unseen n-gram adds nothing (instead of its
/// random initial value). The exported graph computes exactly <see cref="Bag"/>: effective weight
/// <c>wᵢ · Scales[r]</c>, times the row cast to float, summed.
/// </summary>
public sealed class QuantizedEmbedding
{
    /// <summary>Wraps stored parts; throws <see cref="ArgumentException"/> when they do not fit together.</summary>
    public QuantizedEmbedding(int dim, int[] rowOfBucket, sbyte[] values, float[] scales)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        if (scales.Length < 1 || (long)scales.Length * dim != values.LongLength)
        {
            throw new ArgumentException($"{values.LongLength} values do not make {scales.Length} rows of {dim}.", nameof(values));
        }

        foreach (var r in rowOfBucket)
        {
            if ((uint)r >= (uint)scales.Length)
            {
                throw new ArgumentException($"A bucket maps to row {r}, but there are {scales.Length} rows.", nameof(rowOfBucket));
            }
        }

        Dim = dim;
        RowOfBucket = rowOfBucket;
        Values = values;
        Scales = scales;
    }

    /// <summary>Embedding width.</summary>
    public int Dim { get; }

    /// <summary>Hash buckets (length of <see cref="RowOfBucket"/>).</summary>
    public int Buckets => RowOfBucket.Length;

    /// <summary>Stored rows, including the zero row 0.</summary>
    public int Rows => Scales.Length;

    /// <summary>Stored row of each bucket (0 = the zero row).</summary>
    public int[] RowOfBucket { get; }

    /// <summary>Quantised rows [Rows × Dim].</summary>
    public sbyte[] Values { get; }

    /// <summary>Per-row scales [Rows]; value = Values · scale.</summary>
    public float[] Scales { get; }

    /// <summary>Bytes the table occupies (values, scales, bucket map).</summary>
    public long Bytes => Values.LongLength + Scales.LongLength * 4 + RowOfBucket.LongLength * 4;

    /// <summary>
    /// Quantises a dense float table [buckets × dim]: rows with <paramref name="keep"/> true are stored (each with its
    /// own scale, rounding to nearest), all others map to the zero row. A null <paramref name="keep"/> keeps every row.
    /// </summary>
    public static QuantizedEmbedding Quantize(float[] table, int buckets, int dim, IReadOnlyList<bool>? keep)
    {
        if ((long)buckets * dim != table.LongLength)
        {
            throw new ArgumentException($"The table has {table.LongLength} values, not {buckets} × {dim}.", nameof(table));
        }

        if (keep is not null && keep.Count != buckets)
        {
            throw new ArgumentException($"keep has {keep.Count} entries for {buckets} buckets.", nameof(keep));
        }

        var rowOfBucket = new int[buckets];
        var rows = 1;
        for (var b = 0; b < buckets; b++)
        {
            if (keep is null || keep[b])
            {
                rowOfBucket[b] = rows++;
            }
        }

        var values = new sbyte[(long)rows * dim];
        var scales = new float[rows];
        for (var b = 0; b < buckets; b++)
        {
            var r = rowOfBucket[b];
            if (r == 0)
            {
                continue;
            }

            var source = table.AsSpan(b * dim, dim);
            var max = TensorPrimitives.MaxMagnitude(source);
            max = MathF.Abs(max);
            if (max == 0 || !float.IsFinite(max))
            {
                continue;
            }

            var scale = max / 127f;
            scales[r] = scale;
            var target = values.AsSpan(r * dim, dim);
            for (var d = 0; d < dim; d++)
            {
                target[d] = (sbyte)Math.Clamp(MathF.Round(source[d] / scale, MidpointRounding.ToEven), -127, 127);
            }
        }

        return new QuantizedEmbedding(dim, rowOfBucket, values, scales);
    }

    /// <summary>bag = Σ (weightᵢ · scale of row(idᵢ)) · (float)row(idᵢ); the graph's order of operations.</summary>
    public void Bag(ReadOnlySpan<int> ids, ReadOnlySpan<float> weights, Span<float> bag)
    {
        bag.Clear();
        Span<float> row = Dim <= 1024 ? stackalloc float[Dim] : new float[Dim];
        for (var i = 0; i < ids.Length; i++)
        {
            var r = RowOfBucket[ids[i]];
            if (r == 0)
            {
                continue;
            }

            var w = weights[i] * Scales[r];
            TensorPrimitives.ConvertTruncating<sbyte, float>(Values.AsSpan(r * Dim, Dim), row);
            TensorPrimitives.MultiplyAdd(row, w, bag, bag);
        }
    }

    /// <summary>The dequantised row of a bucket (for inspection and tests).</summary>
    public float[] Row(int bucket)
    {
        var r = RowOfBucket[bucket];
        var result = new float[Dim];
        for (var d = 0; d < Dim; d++)
        {
            result[d] = Values[r * Dim + d] * Scales[r];
        }

        return result;
    }
}
