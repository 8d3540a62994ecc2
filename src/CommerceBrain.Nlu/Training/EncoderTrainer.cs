using System.Numerics.Tensors;
using CommerceBrain.Nlu.Models;
using CommerceBrain.Nlu.Text;

namespace CommerceBrain.Nlu.Training;

/// <summary>
/// Trains a <see cref="TextEncoder"/> contrastively from paraphrase groups (texts that mean the same): each batch holds
/// one (anchor, positive) pair per group, and the other groups' positives are the negatives (in-batch softmax over
/// scaled cosine similarities, symmetric). Single-threaded and seeded, so the result is reproducible.
/// </summary>
public static class EncoderTrainer
{
    /// <summary>Trains on <paramref name="groups"/>; needs at least two groups.</summary>
    public static TextEncoder Train(IReadOnlyList<IReadOnlyList<string>> groups, EncoderTrainerOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var featurizer = new Featurizer(options.Featurizer);
        var featurized = groups.Select(g => g.Select(featurizer.Featurize).Where(f => f.Count > 0).ToArray())
            .Where(g => g.Length > 0).ToArray();
        if (featurized.Length < 2)
        {
            throw new ArgumentException("Contrastive training needs at least two groups with text.", nameof(groups));
        }

        var rng = new DeterministicRandom(DeterministicRandom.Derive((ulong)(uint)options.Seed, 100));
        var d = options.Dim;
        var o = options.OutputDim;
        var model = new BagModel(options.Featurizer.Buckets, d, 0, o);
        var initScale = MathF.Sqrt(3f);
        for (long i = 0; i < model.Embedding.LongLength; i++)
        {
            // Rows of unit scale keep the raw outputs away from zero, where normalisation would amplify the gradients.
            model.Embedding[i] = (rng.NextFloat() * 2 - 1) * initScale;
        }

        var xavier = MathF.Sqrt(6f / (d + o));
        for (var i = 0; i < model.W2.Length; i++)
        {
            model.W2[i] = (rng.NextFloat() * 2 - 1) * xavier;
        }

        var batchSize = Math.Min(options.BatchSize, featurized.Length);
        var order = Enumerable.Range(0, featurized.Length).ToArray();
        var batchesPerEpoch = (featurized.Length + batchSize - 1) / batchSize;
        var totalBatches = (long)batchesPerEpoch * options.Epochs;
        long batchNumber = 0;
        var side = new Side[2];
        for (var s = 0; s < 2; s++)
        {
            side[s] = new Side(batchSize, d, o);
        }

        var gP = new float[model.W2.Length];
        var logits = new float[batchSize];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            double lossSum = 0;
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var n = Math.Min(batchSize, order.Length - start);
                if (n < 2)
                {
                    continue;
                }

                var lr = options.LearningRate * (1 - (float)batchNumber++ / totalBatches);
                for (var i = 0; i < n; i++)
                {
                    var group = featurized[order[start + i]];
                    var a = rng.NextInt(group.Length);
                    var b = group.Length > 1 ? (a + 1 + rng.NextInt(group.Length - 1)) % group.Length : a;
                    side[0].Features[i] = group[a];
                    side[1].Features[i] = group.Length > 1 ? group[b] : Drop(group[b], options.FeatureDropout, rng);
                }

                foreach (var s in side)
                {
                    s.Forward(model, n);
                }

                // Symmetric InfoNCE: rows (anchor → positives) and columns (positive → anchors).
                for (var dir = 0; dir < 2; dir++)
                {
                    var q = side[dir];
                    var k = side[1 - dir];
                    for (var i = 0; i < n; i++)
                    {
                        for (var j = 0; j < n; j++)
                        {
                            logits[j] = options.Scale * TensorPrimitives.Dot(q.Unit(i), k.Unit(j));
                        }

                        var span = logits.AsSpan(0, n);
                        Softmax.InPlace(span);
                        lossSum -= Math.Log(Math.Max(span[i], 1e-12)) / 2;
                        for (var j = 0; j < n; j++)
                        {
                            var g = options.Scale * (span[j] - (i == j ? 1 : 0)) / n;
                            TensorPrimitives.MultiplyAdd(k.Unit(j), g, q.GradUnit(i), q.GradUnit(i));
                            TensorPrimitives.MultiplyAdd(q.Unit(i), g, k.GradUnit(j), k.GradUnit(j));
                        }
                    }
                }

                Array.Clear(gP);
                foreach (var s in side)
                {
                    s.Backward(model, n, gP, lr);
                }

                TensorPrimitives.MultiplyAdd(gP, -lr, model.W2, model.W2);
            }

            progress?.Report(new TrainingProgress(0, epoch, options.Epochs, lossSum / order.Length, null, false));
        }

        return new TextEncoder(model, options.Featurizer);
    }

    private static FeatureVector Drop(FeatureVector f, float rate, DeterministicRandom rng)
    {
        var ids = new List<int>(f.Count);
        var weights = new List<float>(f.Count);
        for (var i = 0; i < f.Count; i++)
        {
            if (rng.NextFloat() >= rate)
            {
                ids.Add(f.Ids[i]);
                weights.Add(f.Weights[i]);
            }
        }

        return ids.Count == 0 ? f : new FeatureVector([.. ids], [.. weights]);
    }

    /// <summary>One side of the batch (anchors or positives) with its activations and gradients.</summary>
    private sealed class Side(int batch, int dim, int outputs)
    {
        private readonly float[] _bags = new float[batch * dim];
        private readonly float[] _raw = new float[batch * outputs];
        private readonly float[] _unit = new float[batch * outputs];
        private readonly float[] _norms = new float[batch];
        private readonly float[] _gradUnit = new float[batch * outputs];
        private readonly float[] _gradRaw = new float[outputs];
        private readonly float[] _gradBag = new float[dim];

        public FeatureVector[] Features { get; } = new FeatureVector[batch];

        public Span<float> Unit(int i) => _unit.AsSpan(i * outputs, outputs);

        public Span<float> GradUnit(int i) => _gradUnit.AsSpan(i * outputs, outputs);

        public void Forward(BagModel m, int n)
        {
            Array.Clear(_gradUnit);
            for (var i = 0; i < n; i++)
            {
                var bag = _bags.AsSpan(i * dim, dim);
                m.Bag(Features[i], bag);
                var raw = _raw.AsSpan(i * outputs, outputs);
                m.Output(bag, raw);
                _norms[i] = Math.Max(TensorPrimitives.Norm(raw), 1e-6f);
                TensorPrimitives.Divide(raw, _norms[i], Unit(i));
            }
        }

        public void Backward(BagModel m, int n, float[] gP, float lr)
        {
            for (var i = 0; i < n; i++)
            {
                var unit = Unit(i);
                var gu = GradUnit(i);
                var along = TensorPrimitives.Dot(unit, gu);
                TensorPrimitives.MultiplyAdd(unit, -along, gu, _gradRaw);
                TensorPrimitives.Divide(_gradRaw, _norms[i], _gradRaw);
                var bag = _bags.AsSpan(i * dim, dim);
                Array.Clear(_gradBag);
                for (var r = 0; r < outputs; r++)
                {
                    var row = m.W2.AsSpan(r * dim, dim);
                    TensorPrimitives.MultiplyAdd(row, _gradRaw[r], _gradBag, _gradBag);
                    var gRow = gP.AsSpan(r * dim, dim);
                    TensorPrimitives.MultiplyAdd(bag, _gradRaw[r], gRow, gRow);
                }

                var f = Features[i];
                for (var k = 0; k < f.Count; k++)
                {
                    var row = m.Embedding.AsSpan(f.Ids[k] * dim, dim);
                    TensorPrimitives.MultiplyAdd(_gradBag, -lr * f.Weights[k], row, row);
                }
            }
        }
    }
}
