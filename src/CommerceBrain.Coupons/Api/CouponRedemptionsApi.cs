using System.Security.Claims;
using System.Text.RegularExpressions;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CommerceBrain.Coupons.Api;

/// <summary>
/// Checkout and refunds: a customer redeems their coupon on an order exactly once, operators give it back after a
/// refund, and <c>/api/me/coupons</c> lists a customer's coupons with their status.
/// </summary>
public static partial class CouponRedemptionsApi
{
    /// <summary>Maps <c>/api/coupons/{couponId}/redemptions</c>, <c>/api/coupons/{couponId}/return</c> and <c>/api/me/coupons</c>.</summary>
    public static IEndpointRouteBuilder MapCouponRedemptionsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var coupons = app.MapGroup("/api/coupons").WithTags("Coupons").RequireAuthorization();
        coupons.MapPost("/{couponId}/redemptions", Redeem)
            .RequireAuthorization(Policies.Customer)
            .WithName("RedeemCoupon")
            .WithSummary("Applies the signed-in customer's coupon to an order, once; the same order again gets the same answer with 200.")
            .Produces<RedemptionResponse>(StatusCodes.Status201Created)
            .Produces<RedemptionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        coupons.MapPost("/{couponId}/return", Return)
            .RequireAuthorization(Policies.Operator)
            .WithName("ReturnCoupon")
            .WithSummary("Gives a coupon back after its order was refunded, if the campaign allows it and the coupon has not expired.")
            .Produces<ReturnResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/me/coupons", Mine)
            .WithTags("Coupons")
            .RequireAuthorization(Policies.Customer)
            .WithName("MyCoupons")
            .WithSummary("The signed-in customer's coupons, oldest first, each available, redeemed or expired.")
            .Produces<IReadOnlyList<CustomerCouponResponse>>();
        return app;
    }

    private static async Task<IResult> Redeem(string couponId, [FromBody] RedemptionRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["A JSON body {orderId, orderTotal} is required."];
        }
        else
        {
            if (request.OrderId is null || !OrderId().IsMatch(request.OrderId))
            {
                errors["orderId"] = ["'orderId' is required: 1-200 printable ASCII characters."];
            }

            if (request.OrderTotal is not > 0)
            {
                errors["orderTotal"] = ["'orderTotal' is required and must be a positive amount in minor units."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!CouponIds.TryParse(couponId, out _, out _, out _))
        {
            return CouponNotFound();
        }

        using var activity = CouponsTelemetry.Source.StartActivity("coupons.redeem");
        var result = await grains.GetGrain<ICouponRedemptionGrain>(couponId).Redeem(user.SubjectId()!, request!.OrderId!, request.OrderTotal!.Value);
        activity?.SetTag("coupons.outcome", ApiNames.Of(result.Outcome));
        return result.Outcome switch
        {
            RedemptionOutcome.Redeemed => TypedResults.Created($"/api/coupons/{couponId}/redemptions", ToResponse(result)),
            RedemptionOutcome.Repeated => TypedResults.Ok(ToResponse(result)),
            RedemptionOutcome.NotFound => CouponNotFound(),
            var refused => Conflict("The coupon was not applied.", refused switch
            {
                RedemptionOutcome.AlreadyRedeemed => "The coupon is already used on another order.",
                RedemptionOutcome.Expired => "The coupon has expired.",
                _ => $"The order total is below the coupon's minimum spend of {result.MinSpend}.",
            }, ApiNames.Of(refused)),
        };
    }

    private static async Task<IResult> Return(string couponId, [FromBody] ReturnRequest? request, IGrainFactory grains)
    {
        if (request?.OrderId is null || !OrderId().IsMatch(request.OrderId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["orderId"] = ["'orderId' is required: 1-200 printable ASCII characters."],
            });
        }

        if (!CouponIds.TryParse(couponId, out _, out _, out _))
        {
            return CouponNotFound();
        }

        var outcome = await grains.GetGrain<ICouponRedemptionGrain>(couponId).Return(request.OrderId);
        return outcome switch
        {
            ReturnOutcome.Returned => TypedResults.Ok(new ReturnResponse(couponId, "available")),
            ReturnOutcome.NotFound => CouponNotFound(),
            var refused => Conflict("The coupon was not returned.", refused switch
            {
                ReturnOutcome.NotRedeemed => "The coupon is not redeemed by that order.",
                ReturnOutcome.NotReturnable => "The coupon's campaign keeps coupons used on refunded orders.",
                _ => "The coupon has expired, so it stays used.",
            }, ApiNames.Of(refused)),
        };
    }

    private static async Task<IResult> Mine(ClaimsPrincipal user, IGrainFactory grains)
    {
        var coupons = await grains.GetGrain<ICustomerCouponsGrain>(user.SubjectId()!).List();
        return TypedResults.Ok(coupons.Select(c => new CustomerCouponResponse(c.CouponId, c.CampaignId, c.Value, c.MinSpend, c.ExpiresAt,
            c.Status switch
            {
                CustomerCouponStatus.Redeemed => "redeemed",
                CustomerCouponStatus.Expired => "expired",
                _ => "available",
            }, c.OrderId)).ToList());
    }

    private static RedemptionResponse ToResponse(RedemptionResult result) =>
        new(result.CouponId, result.OrderId!, result.Amount, result.RedeemedAt!.Value);

    private static IResult Conflict(string title, string detail, string reason) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
            Detail = detail,
            Extensions = { ["reason"] = reason },
        });

    private static IResult CouponNotFound() =>
        CouponsApi.Problem(StatusCodes.Status404NotFound, "No such coupon.", "You hold no coupon with that id.");

    [GeneratedRegex(@"^[\x21-\x7E]{1,200}$")]
    private static partial Regex OrderId();
}
