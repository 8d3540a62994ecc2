using CommerceBrain.Commerce.Storage;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>A generated order and its lines, for adding refunds to it.</summary>
internal sealed record DemoOrder(OrderRow Row, IReadOnlyList<OrderItemRow> Lines, int RefundCount);
