using System.Collections.Concurrent;
using System.Globalization;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// The demo marketplace's customers as the profile uses them: <c>c-00011</c> … <c>c-NNNNN</c> (the generated ones, with
/// orders; <c>c-00001</c>–<c>c-00010</c> are the well-known customers the chat page and tests rely on, left alone),
/// their orders read once through <c>GET /api/me/orders</c>.
/// </summary>
public sealed class DemoCustomers(SiloClient silo, int customers, long refundMaxTotalMinor)
{
    /// <summary>The first generated demo customer.</summary>
    public const int First = 11;

    /// <summary>Customers tried in a row when looking for one with a fitting order.</summary>
    private const int Attempts = 12;

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<Order>>>> orders = new();

    /// <summary>The number of generated customers the profile picks from.</summary>
    public int Count => Math.Max(1, customers - First + 1);

    /// <summary>A random generated customer's id.</summary>
    public string Pick(Random random) => Id(First + random.Next(Count));

    /// <summary>The id of demo customer number <paramref name="n"/> (<c>c-00042</c>).</summary>
    public static string Id(int n) => "c-" + n.ToString("00000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A random customer none of whose recent orders is at or above the high-value threshold: a FAQ question about
    /// refunds from a customer with a big recent order goes to a person by design (the bot does not refund those), which
    /// is not what the FAQ scenario measures. Falls back to the last customer tried.
    /// </summary>
    public async Task<string> PickForFaqAsync(Random random, CancellationToken cancellationToken)
    {
        var customer = Pick(random);
        for (var i = 0; i < Attempts; i++)
        {
            if ((await OrdersOfAsync(customer, cancellationToken)).All(o => o.TotalMinor < refundMaxTotalMinor))
            {
                return customer;
            }

            customer = Pick(random);
        }

        return customer;
    }

    /// <summary>A random customer with orders and one of their orders (null when none of several customers tried had any).</summary>
    public async Task<(string Customer, Order Order)?> OrderForStatusAsync(Random random, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var customer = Pick(random);
            var list = await OrdersOfAsync(customer, cancellationToken);
            if (list.Count > 0)
            {
                return (customer, list[random.Next(list.Count)]);
            }
        }

        return null;
    }

    /// <summary>The customer's orders (newest 20), read once per run.</summary>
    public async Task<IReadOnlyList<Order>> OrdersOfAsync(string customer, CancellationToken cancellationToken)
    {
        var lazy = orders.GetOrAdd(customer, c => new Lazy<Task<IReadOnlyList<Order>>>(() => LoadAsync(c, cancellationToken)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            orders.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<Order>>>>(customer, lazy));
            throw;
        }
    }

    private async Task<IReadOnlyList<Order>> LoadAsync(string customer, CancellationToken cancellationToken)
    {
        var token = await silo.TokenAsync(customer, "customer", cancellationToken);
        var page = await silo.MyOrdersAsync(token, 20, cancellationToken);
        return page.IsOk
            ? page.Ok.Orders
            : throw new SiloCallException($"GET /api/me/orders for {customer}: {page.Response.StatusCode} {page.Response.Message}");
    }
}
