using System.Numerics.Tensors;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Models;

/// <summary>
/// The weights of a hashed embedding-bag network: bag = Σ weightᵢ · E[idᵢ] → optional ReLU hidden layer → linear
/// outputs. Row-major: <see cref="Embedding"/> is [Buckets × Dim], <see cref="W1"/> [Hidden × Dim],
/// <see cref="W2"/> [Outputs × (Hidden or Dim)]. This is the C# reference forward pass the ONNX export must match.
/// </summary>
public sealed class BagModel
{
    /// <summary>Creates zeroed weights of the given shape.</summary>
    public BagModel(int buckets, int dim, int hidden, int outputs)
        : this(buckets, dim, hidden, outputs, quantized: null)
    {
    }

    /// <summary>
    /// Creates zeroed dense layers over a quantised embedding table (<see cref="Embedding"/> stays empty); see
    /// <see cref="Quantize"/>.
    /// </summary>
    public BagModel(QuantizedEmbedding embedding, int hidden, int outputs)
        : this(embedding.Buckets, embedding.Dim, hidden, outputs, embedding)
    {
    }

    private BagModel(int buckets, int dim, int hidden, int outputs, QuantizedEmbedding? quantized)
    {
        if (buckets < 1 || dim < 1 || hidden < 0 || outputs < 1)
        {
            throw new ArgumentException("Model dimensions must be positive (hidden may be 0).");
        }

        if ((long)buckets * dim > int.MaxValue || (long)Math.Max(hidden, dim) * Math.Max(outputs, hidden) > int.MaxValue)
        {
            throw new ArgumentException($"{buckets} buckets × {dim} dimensions is too large for one embedding table; use fewer buckets.");
        }

        Buckets = buckets;
        Dim = dim;
        Hidden = hidden;
        Outputs = outputs;
        Quantized = quantized;
        Embedding = quantized is null ? new float[(long)buckets * dim] : [];
        W1 = new float[hidden * dim];
        B1 = new float[hidden];
        W2 = new float[outputs * TopDim];
        B2 = new float[outputs];
    }

    /// <summary>Embedding rows (hash buckets).</summary>
    public int Buckets { get; }

    /// <summary>Embedding width.</summary>
    public int Dim { get; }

    /// <summary>Hidden layer width; 0 when the bag feeds the output layer directly.</summary>
    public int Hidden { get; }

    /// <summary>Number of outputs (classes, or encoder dimensions).</summary>
    public int Outputs { get; }

    /// <summary>Width of the layer below the output layer.</summary>
    public int TopDim => Hidden > 0 ? Hidden : Dim;

    /// <summary>Dense float embedding table [Buckets × Dim]; empty when the table is <see cref="Quantized"/>.</summary>
    public float[] Embedding { get; }

    /// <summary>The compact int8 embedding table, when the model was quantised (then <see cref="Embedding"/> is empty).</summary>
    public QuantizedEmbedding? Quantized { get; }

    /// <summary>
    /// Hidden weights [Hidden × Dim]. In a folded ensemble they are block-diagonal (see <see cref="HiddenBlocks"/>):
    /// weights outside the blocks are zero and never read.
    /// </summary>
    public float[] W1 { get; }

    /// <summary>Hidden bias [Hidden].</summary>
    public float[] B1 { get; }

    /// <summary>Output weights [Outputs × TopDim].</summary>
    public float[] W2 { get; }

    /// <summary>Output bias [Outputs].</summary>
    public float[] B2 { get; }

    /// <summary>
    /// The diagonal blocks of a folded ensemble's hidden layer (hidden units [HiddenStart, +Hidden) read only bag
    /// dimensions [DimStart, +Dim)); null when W1 is dense. The C# pass and the exported graph compute only the blocks.
    /// </summary>
    public IReadOnlyList<HiddenBlock>? HiddenBlocks { get; private set; }

    /// <summary>Total number of parameters.</summary>
    public long ParameterCount => (Quantized is null ? Embedding.LongLength : Quantized.Values.LongLength + Quantized.Rows) + W1.Length + B1.Length + W2.Length + B2.Length;

    /// <summary>The weighted bag of embedding rows (length <see cref="Dim"/>).</summary>
    public void Bag(FeatureVector features, Span<float> bag) => Bag(features.Ids, features.Weights, bag);

    /// <summary>The weighted bag of embedding rows of bucket ids and their weights (same length).</summary>
    public void Bag(ReadOnlySpan<int> ids, ReadOnlySpan<float> weights, Span<float> bag)
    {
        if (Quantized is not null)
        {
            Quantized.Bag(ids, weights, bag);
            return;
        }

        bag.Clear();
        var table = Embedding.AsSpan();
        for (var i = 0; i < ids.Length; i++)
        {
            var row = table.Slice(ids[i] * Dim, Dim);
            TensorPrimitives.MultiplyAdd(row, weights[i], bag, bag);
        }
    }

    /// <summary>The layer below the outputs (length <see cref="TopDim"/>) from a bag.</summary>
    public void Top(ReadOnlySpan<float> bag, Span<float> top)
    {
        if (Hidden == 0)
        {
            bag.CopyTo(top);
            return;
        }

        foreach (var block in HiddenBlocks ?? [new HiddenBlock(0, Dim, 0, Hidden)])
        {
            var input = bag.Slice(block.DimStart, block.Dim);
            for (var j = block.HiddenStart; j < block.HiddenStart + block.Hidden; j++)
            {
                var a = TensorPrimitives.Dot(W1.AsSpan(j * Dim + block.DimStart, block.Dim), input) + B1[j];
                top[j] = a > 0 ? a : 0;
            }
        }
    }

    /// <summary>The output layer (length <see cref="Outputs"/>) from the layer below it.</summary>
    public void Output(ReadOnlySpan<float> top, Span<float> outputs)
    {
        var width = TopDim;
        for (var c = 0; c < Outputs; c++)
        {
            outputs[c] = TensorPrimitives.Dot(W2.AsSpan(c * width, width), top) + B2[c];
        }
    }

    /// <summary>Full forward pass to raw outputs (logits).</summary>
    public float[] Forward(FeatureVector features)
    {
        var bag = new float[Dim];
        var top = new float[TopDim];
        var outputs = new float[Outputs];
        Bag(features, bag);
        Top(bag, top);
        Output(top, outputs);
        return outputs;
    }

    /// <summary>A deep copy (a quantised table is shared: it is never modified).</summary>
    public BagModel Clone()
    {
        var copy = new BagModel(Buckets, Dim, Hidden, Outputs, Quantized);
        Embedding.CopyTo(copy.Embedding, 0);
        CopyDenseTo(copy);
        copy.HiddenBlocks = HiddenBlocks;
        return copy;
    }

    /// <summary>
    /// The same network with its embedding table quantised to int8 with one float scale per row
    /// (<see cref="QuantizedEmbedding"/>); buckets with <paramref name="keep"/> false become the zero row and are not
    /// stored. Dense layers are copied unchanged.
    /// </summary>
    public BagModel Quantize(IReadOnlyList<bool>? keep)
    {
        if (Quantized is not null)
        {
            throw new InvalidOperationException("The embedding table is already quantised.");
        }

        var model = new BagModel(QuantizedEmbedding.Quantize(Embedding, Buckets, Dim, keep), Hidden, Outputs);
        CopyDenseTo(model);
        model.HiddenBlocks = HiddenBlocks;
        return model;
    }

    /// <summary>Copies all weights into a model of the same shape.</summary>
    public void CopyTo(BagModel target)
    {
        if (Quantized is not null || target.Quantized is not null)
        {
            throw new InvalidOperationException("Weights are copied between dense models only.");
        }

        Embedding.CopyTo(target.Embedding, 0);
        CopyDenseTo(target);
    }

    /// <summary>
    /// Declares W1 block-diagonal; throws <see cref="ArgumentException"/> unless the blocks tile the hidden units and
    /// the bag dimensions in order.
    /// </summary>
    public void SetHiddenBlocks(IReadOnlyList<HiddenBlock> blocks)
    {
        int dimAt = 0, hiddenAt = 0;
        foreach (var b in blocks)
        {
            if (b.DimStart != dimAt || b.HiddenStart != hiddenAt || b.Dim < 1 || b.Hidden < 1)
            {
                throw new ArgumentException("Hidden blocks must tile the bag dimensions and hidden units in order.", nameof(blocks));
            }

            dimAt += b.Dim;
            hiddenAt += b.Hidden;
        }

        if (dimAt != Dim || hiddenAt != Hidden)
        {
            throw new ArgumentException($"Hidden blocks cover {dimAt} × {hiddenAt}, not {Dim} × {Hidden}.", nameof(blocks));
        }

        HiddenBlocks = blocks.ToArray();
    }

    private void CopyDenseTo(BagModel target)
    {
        W1.CopyTo(target.W1, 0);
        B1.CopyTo(target.B1, 0);
        W2.CopyTo(target.W2, 0);
        B2.CopyTo(target.B2, 0);
    }

    /// <summary>
    /// Folds an ensemble into one model of the same architecture: embeddings side by side, hidden layers block-diagonal,
    /// output weights side by side and scaled so the outputs are the members' mean.
    /// </summary>
    public static BagModel Concatenate(IReadOnlyList<BagModel> members)
    {
        if (members.Count == 1)
        {
            return members[0];
        }

        var first = members[0];
        if (members.Any(m => m.Quantized is not null))
        {
            throw new ArgumentException("Ensemble members are folded before quantisation.", nameof(members));
        }

        if (members.Any(m => m.Buckets != first.Buckets || m.Outputs != first.Outputs || (m.Hidden == 0) != (first.Hidden == 0)))
        {
            throw new ArgumentException("Ensemble members must share buckets, outputs and layout.", nameof(members));
        }

        var dim = members.Sum(m => m.Dim);
        var hidden = members.Sum(m => m.Hidden);
        var merged = new BagModel(first.Buckets, dim, hidden, first.Outputs);
        var scale = 1f / members.Count;
        int dimAt = 0, hiddenAt = 0, topAt = 0;
        foreach (var m in members)
        {
            for (long b = 0; b < m.Buckets; b++)
            {
                Array.Copy(m.Embedding, b * m.Dim, merged.Embedding, b * dim + dimAt, m.Dim);
            }

            for (var j = 0; j < m.Hidden; j++)
            {
                Array.Copy(m.W1, j * m.Dim, merged.W1, (hiddenAt + j) * dim + dimAt, m.Dim);
                merged.B1[hiddenAt + j] = m.B1[j];
            }

            for (var c = 0; c < m.Outputs; c++)
            {
                for (var k = 0; k < m.TopDim; k++)
                {
                    merged.W2[c * merged.TopDim + topAt + k] = m.W2[c * m.TopDim + k] * scale;
                }

                merged.B2[c] += m.B2[c] * scale;
            }

            dimAt += m.Dim;
            hiddenAt += m.Hidden;
            topAt += m.TopDim;
        }

        if (hidden > 0)
        {
            var blocks = new List<HiddenBlock>();
            int d = 0, h = 0;
            foreach (var m in members)
            {
                blocks.Add(new HiddenBlock(d, m.Dim, h, m.Hidden));
                d += m.Dim;
                h += m.Hidden;
            }

            merged.SetHiddenBlocks(blocks);
        }

        return merged;
    }
}
