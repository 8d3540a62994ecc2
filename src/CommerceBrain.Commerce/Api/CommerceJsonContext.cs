using System.Text.Json;
using System.Text.Json.Serialization;
using CommerceBrain.Commerce.Contracts;

namespace CommerceBrain.Commerce.Api;

/// <summary>Source-generated JSON for the commerce API (enums as their names, e.g. <c>"status":"Shipped"</c>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(OrderPage))]
[JsonSerializable(typeof(CreateOrderRequest))]
[JsonSerializable(typeof(ShipmentEventRequest))]
[JsonSerializable(typeof(RefundDecisionRequest))]
internal sealed partial class CommerceJsonContext : JsonSerializerContext;
