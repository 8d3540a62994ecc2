using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Tiers;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Coupons.Api;

/// <summary>
/// <c>/api/campaigns</c>: admins create, pause, resume, close and read campaigns; customers claim coupons for
/// themselves with an <c>Idempotency-Key</c>.
/// </summary>
public static partial class CouponsApi
{
    private const int MaxKeyLength = 200;
    private const int MaxNameLength = 200;
    private const int MaxTiers = 32;

    /// <summary>Maps the campaign endpoints.</summary>
    public static IEndpointRouteBuilder MapCouponsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/campaigns").WithTags("Coupons").RequireAuthorization();
        api.MapPost("/", Create)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateCampaign")
            .WithSummary("Creates a coupon campaign: budget and tiers in minor units, per-user limit, time window, eligibility, issuance ceiling, shards.")
            .Produces<CampaignResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/open", Open)
            .RequireAuthorization(Policies.Customer)
            .WithName("OpenCampaigns")
            .WithSummary("Campaigns a customer can claim from now: name, the smallest coupon's value and minimum spend, end.")
            .Produces<IReadOnlyList<OpenCampaignResponse>>();
        api.MapGet("/{id}", Get)
            .RequireAuthorization(Policies.Admin)
            .WithName("GetCampaign")
            .WithSummary("The campaign and its figures: granted count and amount, remaining, denials by reason, current rate.")
            .Produces<CampaignResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/pause", (string id, IGrainFactory grains) => Change(id, grains, g => g.Pause()))
            .RequireAuthorization(Policies.Admin).WithName("PauseCampaign").WithSummary("Stops granting until resumed.")
            .Produces<CampaignResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/resume", (string id, IGrainFactory grains) => Change(id, grains, g => g.Resume()))
            .RequireAuthorization(Policies.Admin).WithName("ResumeCampaign").WithSummary("Grants again after a pause.")
            .Produces<CampaignResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/close", (string id, IGrainFactory grains) => Change(id, grains, g => g.Close()))
            .RequireAuthorization(Policies.Admin).WithName("CloseCampaign").WithSummary("Stops granting for good.")
            .Produces<CampaignResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/claims", Claim)
            .RequireAuthorization(Policies.Customer)
            .WithName("ClaimCoupon")
            .WithSummary("Claims a coupon for the signed-in customer; a repeated Idempotency-Key returns the same coupon with 200 (422 when its body differs).")
            .Produces<ClaimResponse>(StatusCodes.Status201Created)
            .Produces<ClaimResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapCouponRedemptionsApi();
        return app;
    }

    private static async Task<IResult> Create([FromBody] CreateCampaignRequest? request, HttpContext http, IGrainFactory grains,
        IOptions<CouponsOptions> options, TimeProvider clock, TierChoosers choosers)
    {
        var optimiser = choosers.Optimiser;
        var (spec, errors) = Validate(request, options.Value, clock.GetUtcNow(), optimiser != OptimiserAvailability.Absent);
        if (spec is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (spec.Allocation == TierAllocation.Optimised && optimiser == OptimiserAvailability.Starting)
        {
            return ModelNotReady(http, choosers.OptimiserRetryAfter, "The conversion model is being trained.",
                "Optimised campaigns need the conversion model, which this silo is still training or loading (first start). Create the campaign again after the Retry-After; lowest-tier campaigns work now.");
        }

        var id = Guid.CreateVersion7().ToString("N");
        var view = await grains.GetGrain<ICampaignGrain>(id).Create(spec);
        return view is null
            ? Problem(StatusCodes.Status409Conflict, "The campaign id is taken.", "Create the campaign again.")
            : TypedResults.Created($"/api/campaigns/{id}", ToResponse(view));
    }

    private static async Task<IResult> Open(IGrainFactory grains)
    {
        var open = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).Open();
        return TypedResults.Ok(open.Select(c => new OpenCampaignResponse(c.CampaignId, c.Name, c.FaceValue, c.MinSpend, c.EndsAt)).ToList());
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        CampaignId().IsMatch(id) && await grains.GetGrain<ICampaignGrain>(id).View() is { } view
            ? TypedResults.Ok(ToResponse(view))
            : CampaignNotFound(id);

    private static async Task<IResult> Change(string id, IGrainFactory grains, Func<ICampaignGrain, Task<CampaignView?>> change)
    {
        if (!CampaignId().IsMatch(id) || await change(grains.GetGrain<ICampaignGrain>(id)) is not { } view)
        {
            return CampaignNotFound(id);
        }

        return TypedResults.Ok(ToResponse(view));
    }

    private static async Task<IResult> Claim(string id, [FromBody] ClaimRequest? body, HttpRequest http, ClaimsPrincipal user,
        IGrainFactory grains)
    {
        var keys = http.Headers["Idempotency-Key"];
        var key = keys.Count == 1 ? keys[0] : null;
        if (string.IsNullOrEmpty(key) || !IdempotencyKey().IsMatch(key))
        {
            return Problem(StatusCodes.Status400BadRequest, "A valid Idempotency-Key header is required.",
                $"Send one Idempotency-Key header of 1-{MaxKeyLength} printable ASCII characters, new for each coupon you want; repeat it to get the same coupon again.");
        }

        if (!CampaignId().IsMatch(id))
        {
            return CampaignNotFound(id);
        }

        var channel = body?.Channel;
        if (channel is not null && !Channel().IsMatch(channel))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["channel"] = ["'channel' is where the coupon is claimed: 1-32 lower-case letters, digits or '-' (e.g. \"chat\"), or leave it out."],
            });
        }

        var customerId = user.SubjectId()!;
        using var activity = CouponsTelemetry.Source.StartActivity("coupons.claim");
        activity?.SetTag("coupons.campaign_id", id);
        var result = await grains.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(id, customerId)).ClaimFrom(key, channel);
        activity?.SetTag("coupons.outcome", result.Reason is { } denied ? ApiNames.Of(denied) : result.Outcome.ToString());
        switch (result)
        {
            case { Outcome: ClaimOutcome.Granted, Grant: { } grant }:
                return TypedResults.Created($"/api/campaigns/{id}/claims/{grant.CouponId}", ToResponse(grant));
            case { Outcome: ClaimOutcome.Repeated, Grant: { } grant }:
                return TypedResults.Ok(ToResponse(grant));
            case { Outcome: ClaimOutcome.KeyReused }:
                return Problem(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for a different request.",
                    "This key already claimed a coupon with another body (channel); send that request again to get the coupon, or use a new key for a new claim.");
            case { Outcome: ClaimOutcome.Busy }:
                var seconds = (int)Math.Ceiling((result.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
                http.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                return Problem(StatusCodes.Status429TooManyRequests, "The campaign is at capacity.",
                    $"Too many claims are in flight for this campaign; try again in {Math.Max(1, seconds)} s with the same Idempotency-Key.");
            case { Outcome: ClaimOutcome.Unavailable }:
                return ModelNotReady(http.HttpContext, result.RetryAfter ?? TimeSpan.FromSeconds(5), "The coupon optimiser is not ready.",
                    "This campaign picks coupons with a conversion model that this server has not loaded yet. Nothing was granted; try again after the Retry-After with the same Idempotency-Key.");
            case { Reason: DenialReason.UnknownCampaign }:
                return CampaignNotFound(id);
            default:
                var reason = result.Reason ?? DenialReason.BudgetExhausted;
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "The coupon was not granted.",
                    Detail = DenialDetail(reason),
                    Extensions = { ["reason"] = ApiNames.Of(reason) },
                });
        }
    }

    internal static (CampaignSpec? Spec, Dictionary<string, string[]> Errors) Validate(CreateCampaignRequest? request,
        CouponsOptions options, DateTimeOffset now, bool canOptimise = true)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["A JSON body is required."];
            return (null, errors);
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            errors["name"] = [$"'name' is required: 1-{MaxNameLength} characters."];
        }

        if (request.Budget is not > 0)
        {
            errors["budget"] = ["'budget' is required and must be a positive amount in minor units."];
        }

        var tiers = new List<CouponTier>();
        if (request.Tiers is not { Count: > 0 and <= MaxTiers })
        {
            errors["tiers"] = [$"'tiers' needs 1-{MaxTiers} tiers of {{faceValue, minSpend}}."];
        }
        else
        {
            for (var i = 0; i < request.Tiers.Count; i++)
            {
                var tier = request.Tiers[i];
                if (tier is null || tier.FaceValue is not > 0 || tier.MinSpend is < 0)
                {
                    errors[$"tiers[{i}]"] = ["A tier needs a positive 'faceValue' and a 'minSpend' of 0 or more (minor units)."];
                }
                else if (request.Budget is { } budget && tier.FaceValue > budget)
                {
                    errors[$"tiers[{i}].faceValue"] = ["A tier's 'faceValue' must not exceed the budget."];
                }
                else
                {
                    tiers.Add(new CouponTier(tier.FaceValue!.Value, tier.MinSpend ?? 0));
                }
            }
        }

        if (request.PerUserLimit is not > 0)
        {
            errors["perUserLimit"] = ["'perUserLimit' is required and must be at least 1."];
        }

        var startsAt = request.StartsAt ?? now;
        if (request.EndsAt is not { } endsAt)
        {
            errors["endsAt"] = ["'endsAt' is required."];
        }
        else if (endsAt <= startsAt)
        {
            errors["endsAt"] = ["'endsAt' must be after 'startsAt'."];
        }

        var segments = request.Eligibility?.Segments;
        if (segments is not null && segments.Any(s => !CustomerSegments.All.Contains(s, StringComparer.Ordinal)))
        {
            errors["eligibility.segments"] = [$"Segments must be among {string.Join(", ", CustomerSegments.All)}."];
        }

        if (request.MaxClaimsPerSecond is <= 0)
        {
            errors["maxClaimsPerSecond"] = ["'maxClaimsPerSecond' must be positive when given."];
        }

        if (request.ExpectedClaimsPerSecond is <= 0)
        {
            errors["expectedClaimsPerSecond"] = ["'expectedClaimsPerSecond' must be positive when given."];
        }

        var shards = request.Shards ?? ShardsFor(request.ExpectedClaimsPerSecond, options);
        if (shards < 1 || shards > options.MaxShards)
        {
            errors["shards"] = [$"'shards' must be 1-{options.MaxShards}."];
        }

        if (request.CouponValidDays is < 1 or > 3650)
        {
            errors["couponValidDays"] = ["'couponValidDays' must be 1-3650."];
        }

        var allocation = TierAllocation.Lowest;
        if (request.Allocation is ApiNames.Optimised)
        {
            allocation = TierAllocation.Optimised;
            if (!canOptimise)
            {
                errors["allocation"] = ["'optimised' allocation needs a conversion model, and this silo has none (training is off or failed: see the log, or run 'commercebrain coupons train')."];
            }
        }
        else if (request.Allocation is not (null or ApiNames.Lowest))
        {
            errors["allocation"] = [$"'allocation' must be '{ApiNames.Lowest}' or '{ApiNames.Optimised}'."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var validity = request.CouponValidDays is { } days ? TimeSpan.FromDays(days) : options.DefaultCouponValidity;
        var eligibility = new CampaignEligibility(segments is { Count: > 0 } ? [.. segments] : null, request.Eligibility?.NewCustomersOnly ?? false);
        return (new CampaignSpec(request.Name!.Trim(), request.Budget!.Value, tiers, request.PerUserLimit!.Value, startsAt,
            request.EndsAt!.Value, eligibility, request.MaxClaimsPerSecond, shards, validity)
        {
            Allocation = allocation,
            KeepOnRefund = request.ReturnOnRefund == false,
        }, errors);
    }

    // K from the expected peak rate, within what the silo allows; the default when the campaign says neither.
    internal static int ShardsFor(int? expectedClaimsPerSecond, CouponsOptions options) =>
        expectedClaimsPerSecond is { } expected && expected > 0
            ? (int)Math.Clamp((expected + (long)Math.Max(1, options.ClaimsPerSecondPerShard) - 1) / Math.Max(1, options.ClaimsPerSecondPerShard), 1, options.MaxShards)
            : options.DefaultShards;

    private static CampaignResponse ToResponse(CampaignView view)
    {
        var spec = view.Spec;
        var stats = view.Stats;
        return new CampaignResponse(view.CampaignId, spec.Name, ApiNames.Of(view.Status), spec.Budget,
            [.. spec.Tiers.Select(t => new TierRequest(t.FaceValue, t.MinSpend))], spec.PerUserLimit, spec.StartsAt, spec.EndsAt,
            new EligibilityRequest(spec.Eligibility.Segments, spec.Eligibility.NewCustomersOnly), spec.MaxClaimsPerSecond, spec.Shards,
            view.CreatedAt,
            new CampaignStatsResponse(stats.GrantedCount, stats.GrantedAmount, stats.Remaining, stats.Leased,
                stats.Denials.ToDictionary(d => ApiNames.Of(d.Key), d => d.Value), stats.RatePerSecond),
            ApiNames.Of(spec.Allocation))
        {
            ReturnOnRefund = spec.ReturnOnRefund,
        };
    }

    private static ClaimResponse ToResponse(CouponGrant grant) => new(grant.CouponId, grant.Value, grant.MinSpend, grant.ExpiresAt);

    private static string DenialDetail(DenialReason reason) => reason switch
    {
        DenialReason.BudgetExhausted => "The campaign's budget is used up.",
        DenialReason.PerUserLimit => "You already hold as many coupons of this campaign as it allows.",
        DenialReason.NotEligible => "This campaign is for other customers.",
        _ => "The campaign is not running now (paused, closed, or outside its time window).",
    };

    private static IResult CampaignNotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such campaign.", $"There is no campaign '{(id.Length <= 64 ? id : id[..64] + "…")}'.");

    private static IResult ModelNotReady(HttpContext http, TimeSpan retryAfter, string title, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = title,
            Detail = detail,
            Extensions = { ["reason"] = "model_not_ready", ["retryAfterSeconds"] = seconds },
        });
    }

    internal static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    // Campaign ids are generated (32 hex digits); anything else is unknown without a grain call.
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex CampaignId();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex Channel();

    [GeneratedRegex(@"^[\x21-\x7E]{1,200}$")]
    private static partial Regex IdempotencyKey();
}
