namespace CommerceBrain.Nlu.Text;

/// <summary>How the features of one text are weighted in the embedding bag.</summary>
public enum FeatureWeighting
{
    /// <summary>Every feature weighs 1/n (the mean of the rows, as fastText).</summary>
    Mean = 0,

    /// <summary>Every feature weighs 1/sqrt(n), so longer texts give larger bags.</summary>
    InverseSqrt = 1,
}
