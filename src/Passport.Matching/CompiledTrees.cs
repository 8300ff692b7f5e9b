using System.Buffers;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Passport.Matching;

/// <summary>
/// The trees of a trained LightGBM model laid out in flat arrays, evaluated directly: the same comparisons
/// (feature ≤ threshold goes left), the same leaf values and the same sum in double, tree by tree, as ML.NET's own
/// evaluation, so the same scores (a test holds them equal), without building an ML.NET data view per call.
/// Each tree's leaves are nodes that lead to themselves, so every row walks a tree in the same number of steps with
/// no branch to mispredict, and four rows walk it side by side.
/// </summary>
internal sealed class CompiledTrees
{
    private const int Lanes = 4;

    private readonly int[] _treeStart;
    private readonly int[] _firstLeaf;
    private readonly int[] _depth;
    private readonly int[] _leafStart;
    private readonly double[] _treeWeights;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    // Per node two entries: where a value ≤ the threshold goes, then where any other value (larger, or NaN) goes.
    private readonly int[] _children;
    private readonly double[] _leafValues;
    private readonly double _bias;

    private CompiledTrees(RegressionTreeEnsemble ensemble)
    {
        var trees = ensemble.Trees;
        _treeStart = new int[trees.Count];
        _firstLeaf = new int[trees.Count];
        _depth = new int[trees.Count];
        _leafStart = new int[trees.Count];
        _treeWeights = [.. ensemble.TreeWeights];
        _bias = ensemble.Bias;
        var nodes = 0;
        var leaves = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            _treeStart[t] = nodes;
            _leafStart[t] = leaves;
            _firstLeaf[t] = trees[t].NumberOfNodes;
            nodes += trees[t].NumberOfNodes + trees[t].NumberOfLeaves;
            leaves += trees[t].NumberOfLeaves;
        }

        _feature = new int[nodes];
        _threshold = new float[nodes];
        _children = new int[2 * nodes];
        _leafValues = new double[leaves];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var start = _treeStart[t];
            var internalNodes = tree.NumberOfNodes;
            int Local(int child) => child >= 0 ? child : internalNodes + ~child;
            for (var n = 0; n < internalNodes; n++)
            {
                _feature[start + n] = tree.NumericalSplitFeatureIndexes[n];
                _threshold[start + n] = tree.NumericalSplitThresholds[n];
                _children[2 * (start + n)] = Local(tree.LeftChild[n]);
                _children[(2 * (start + n)) + 1] = Local(tree.RightChild[n]);
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                var node = start + internalNodes + l;
                _threshold[node] = float.PositiveInfinity;
                _children[2 * node] = internalNodes + l;
                _children[(2 * node) + 1] = internalNodes + l;
                _leafValues[_leafStart[t] + l] = tree.LeafValues[l];
            }

            _depth[t] = internalNodes == 0 ? 0 : Depth(tree, 0);
        }
    }

    /// <summary>The trees of <paramref name="model"/>, or null when it is not a tree ensemble with numerical splits only.</summary>
    public static CompiledTrees? From(ITransformer model)
    {
        var last = model is TransformerChain<ITransformer> chain ? chain.LastTransformer : model;
        if (last is not IPredictionTransformer<object> { Model: TreeEnsembleModelParametersBasedOnRegressionTree { TrainedTreeEnsemble: { } ensemble } }
            || ensemble.Trees.Any(tree => tree.CategoricalSplitFlags.Any(flag => flag)))
        {
            return null;
        }

        return new CompiledTrees(ensemble);
    }

    /// <summary>
    /// Scores the rows of <paramref name="rows"/> (each <paramref name="width"/> values, one after another) into
    /// <paramref name="scores"/> (one per row).
    /// </summary>
    public void Score(ReadOnlySpan<float> rows, int width, Span<float> scores)
    {
        var count = scores.Length;
        if (rows.Length != count * width)
        {
            throw new ArgumentException("Needs exactly one row of features per score.", nameof(rows));
        }

        var buffer = ArrayPool<double>.Shared.Rent(count);
        try
        {
            var sums = buffer.AsSpan(0, count);
            sums.Clear();
            for (var t = 0; t < _treeStart.Length; t++)
            {
                var r = 0;
                for (; r + Lanes <= count; r += Lanes)
                {
                    Walk4(t, rows, r * width, width, sums[r..]);
                }

                for (; r < count; r++)
                {
                    sums[r] += _treeWeights[t] * _leafValues[_leafStart[t] + Walk(t, rows.Slice(r * width, width)) - _firstLeaf[t]];
                }
            }

            for (var r = 0; r < count; r++)
            {
                scores[r] = (float)(sums[r] + _bias);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private int Walk(int tree, ReadOnlySpan<float> row)
    {
        var start = _treeStart[tree];
        var node = 0;
        for (var d = 0; d < _depth[tree]; d++)
        {
            node = Next(start, node, row);
        }

        return node;
    }

    private void Walk4(int tree, ReadOnlySpan<float> rows, int offset, int width, Span<double> sums)
    {
        var start = _treeStart[tree];
        var row0 = rows.Slice(offset, width);
        var row1 = rows.Slice(offset + width, width);
        var row2 = rows.Slice(offset + (2 * width), width);
        var row3 = rows.Slice(offset + (3 * width), width);
        int n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        for (var d = 0; d < _depth[tree]; d++)
        {
            n0 = Next(start, n0, row0);
            n1 = Next(start, n1, row1);
            n2 = Next(start, n2, row2);
            n3 = Next(start, n3, row3);
        }

        var leaves = _leafStart[tree] - _firstLeaf[tree];
        var weight = _treeWeights[tree];
        sums[0] += weight * _leafValues[leaves + n0];
        sums[1] += weight * _leafValues[leaves + n1];
        sums[2] += weight * _leafValues[leaves + n2];
        sums[3] += weight * _leafValues[leaves + n3];
    }

    /// <summary>One step down: left when the value is ≤ the threshold (as ML.NET decides), else right; a leaf stays.</summary>
    private int Next(int start, int node, ReadOnlySpan<float> row)
    {
        var i = start + node;
        return _children[(2 * i) + (row[_feature[i]] <= _threshold[i] ? 0 : 1)];
    }

    private static int Depth(RegressionTree tree, int node) =>
        node < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.LeftChild[node]), Depth(tree, tree.RightChild[node]));
}
