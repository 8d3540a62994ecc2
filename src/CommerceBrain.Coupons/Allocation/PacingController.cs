namespace CommerceBrain.Coupons.Allocation;

/// <summary>
/// Keeps a campaign's spend on its target curve by steering the budget price λ, PI-style in log space:
/// λ = λ0 · exp(Kp·e + Ki·∫e dτ), e = (spent − target(τ)) / budget, τ the window fraction elapsed; λ and the integral are
/// bounded. Overspending raises λ (fewer, cheaper, better-aimed coupons), underspending lowers it. λ0 comes from an
/// offline solve on a forecast sample. Thread-safe.
/// </summary>
public sealed class PacingController
{
    private readonly Lock gate = new();
    private readonly PacingOptions options;
    private readonly double logBound;
    private double integral;
    private double lastElapsed = double.NaN;
    private double lambda;

    /// <summary>Creates a controller around the starting price <paramref name="initialLambda"/> (&gt; 0).</summary>
    public PacingController(double initialLambda, PacingOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialLambda);
        this.options = options ?? new PacingOptions();
        this.options.Validate();
        InitialLambda = initialLambda;
        lambda = initialLambda;
        logBound = Math.Log(this.options.Bound);
    }

    /// <summary>λ0.</summary>
    public double InitialLambda { get; }

    /// <summary>The λ of the last update.</summary>
    public double Lambda
    {
        get
        {
            lock (gate)
                return lambda;
        }
    }

    /// <summary>The budget the target curve expects spent at <paramref name="pacing"/>'s time.</summary>
    public double Target(PacingState pacing)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        var curve = options.TargetCurve;
        var share = curve is null ? pacing.Elapsed : Math.Clamp(curve(pacing.Elapsed), 0, 1);
        return pacing.Budget * share;
    }

    /// <summary>Updates λ from <paramref name="pacing"/> and returns it.</summary>
    public double Update(PacingState pacing)
    {
        ArgumentNullException.ThrowIfNull(pacing);
        if (pacing.Budget <= 0)
            return Lambda;
        var error = (pacing.Spent - Target(pacing)) / pacing.Budget;
        var tau = pacing.Elapsed;
        lock (gate)
        {
            // Integrate over window time, not per call: a demand peak must not make the integral move faster.
            var dt = double.IsNaN(lastElapsed) ? 0 : Math.Max(0, tau - lastElapsed);
            lastElapsed = Math.Max(double.IsNaN(lastElapsed) ? tau : lastElapsed, tau);
            if (options.Integral > 0)
                integral = Math.Clamp(integral + error * dt, -logBound / options.Integral, logBound / options.Integral);
            var log = Math.Clamp(options.Proportional * error + options.Integral * integral, -logBound, logBound);
            lambda = InitialLambda * Math.Exp(log);
            return lambda;
        }
    }
}
