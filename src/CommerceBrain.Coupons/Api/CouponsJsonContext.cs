using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Coupons.Api;

/// <summary>JSON contracts of <c>/api/campaigns</c> (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateCampaignRequest))]
[JsonSerializable(typeof(CampaignResponse))]
[JsonSerializable(typeof(ClaimResponse))]
[JsonSerializable(typeof(List<OpenCampaignResponse>))]
[JsonSerializable(typeof(ClaimRequest))]
[JsonSerializable(typeof(RedemptionRequest))]
[JsonSerializable(typeof(RedemptionResponse))]
[JsonSerializable(typeof(ReturnRequest))]
[JsonSerializable(typeof(ReturnResponse))]
[JsonSerializable(typeof(List<CustomerCouponResponse>))]
internal sealed partial class CouponsJsonContext : JsonSerializerContext;
