using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>
/// Generates the demo marketplace from a seeded random, so the same size always gives the same rows (no wall clock:
/// every time is relative to <see cref="Anchor"/>, the evening of 11 November 2026). The well-known customers and orders
/// of <see cref="WellKnownDemoData"/> come first; generated orders use serials from 00100 of their day.
/// </summary>
internal static class DemoDataGenerator
{
    /// <summary>Changing the generator's output means a new version (recorded in the seed marker).</summary>
    public const long Version = 1;

    /// <summary>Midnight of 12 November in Beijing: every demo time lies before it.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 11, 11, 16, 0, 0, TimeSpan.Zero);

    private const int Seed = 20261111;
    private const int FirstGeneratedSerial = 100;

    private static readonly (OrderStatus Status, double Share, double MinDaysAgo, double MaxDaysAgo)[] StatusMix =
    [
        (OrderStatus.PendingPayment, 0.04, 0, 1),
        (OrderStatus.Paid, 0.08, 0, 3),
        (OrderStatus.Shipped, 0.10, 1, 6),
        (OrderStatus.Delivered, 0.08, 3, 10),
        (OrderStatus.Completed, 0.56, 10, 365),
        (OrderStatus.Cancelled, 0.08, 0, 365),
        (OrderStatus.Refunded, 0.06, 15, 365),
    ];

    private static readonly string[] RefundReasons =
    [
        "Wrong size", "Item arrived damaged", "Not as described", "Changed my mind", "Received the wrong colour", "Quality problem", "Missing parts",
    ];

    public static DemoDataSet Generate(DemoDataSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var random = new Random(Seed);
        var merchants = DemoMerchants.All;
        var merchantRows = merchants.Select((m, i) => new MerchantRow
        {
            MerchantId = m.MerchantId,
            Name = m.Name,
            Category = m.Category,
            CreatedAtMs = Anchor.AddDays(-900 + (i * 7)).ToUnixTimeMilliseconds(),
        }).ToList();

        var faqs = new Dictionary<string, IReadOnlyList<MerchantFaqPair>>(StringComparer.Ordinal);
        var faqRows = new List<MerchantFaqRow>();
        foreach (var merchant in merchants)
        {
            var pairs = MerchantFaqWriter.Write(FactsFor(merchant, random), random);
            faqs[merchant.MerchantId] = pairs;
            faqRows.AddRange(pairs.Select((p, i) => new MerchantFaqRow
            {
                MerchantId = merchant.MerchantId,
                FaqId = p.Id,
                Position = i + 1,
                Language = p.Question.Any(c => c >= 0x4E00 && c <= 0x9FFF) ? "zh" : "en",
                Question = p.Question,
                Answer = p.Answer,
            }));
        }

        var products = GenerateProducts(size.Products, merchants, random);
        var productsByMerchant = products.GroupBy(p => p.MerchantId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var (customers, addresses) = GenerateCustomers(size.Customers, random);

        var orders = new List<OrderRow>();
        var items = new List<OrderItemRow>();
        var shipments = new List<ShipmentRow>();
        var events = new List<TrackingEventRow>();
        var refunds = new List<RefundRow>();
        var builder = new OrderBuilder(orders, items, shipments, events, refunds, merchants, productsByMerchant, random);
        WellKnownDemoData.AddOrders(builder, addresses);
        GenerateOrders(builder, size.Orders - orders.Count, customers, addresses, random);

        var coupons = GenerateCoupons(customers, merchants, random);
        return new DemoDataSet(merchantRows, faqs, faqRows, products, customers, orders, items, shipments, events, refunds, coupons);
    }

    private static MerchantFacts FactsFor(DemoMerchant merchant, Random random)
    {
        var street = DemoWords.Streets[random.Next(DemoWords.Streets.Length)];
        var district = DemoWords.Districts[random.Next(DemoWords.Districts.Length)];
        var number = random.Next(1, 999);
        var building = random.Next(1, 12);
        return new MerchantFacts(
            merchant,
            ReturnStreet: $"No. {number} {street.En}, Building {building}",
            ReturnDistrict: district.En,
            ReturnAddressZh: $"{DemoWords.ShopCitiesZh[merchant.City]}{district.Zh}{street.Zh}{number}号{building}栋",
            Carrier: DemoWords.Carriers[random.Next(DemoWords.Carriers.Length)],
            CutOffHour: random.Next(14, 19),
            LastDispatchDay: DemoWords.Weekdays[random.Next(DemoWords.Weekdays.Length)],
            FreeShippingOverYuan: new[] { 49, 69, 88, 99, 199 }[random.Next(5)],
            ShippingFeeYuan: random.Next(5, 16),
            ReturnDays: new[] { 7, 15, 30 }[random.Next(3)],
            InvoiceDays: random.Next(2, 8),
            OpensAt: random.Next(8, 11),
            ClosesAt: random.Next(20, 24),
            WarrantyMonths: new[] { 6, 12, 24, 36 }[random.Next(4)],
            GiftWrapYuan: random.Next(3, 21),
            PreSaleDays: random.Next(3, 16),
            NoReturnNeededUnderYuan: new[] { 30, 50, 100 }[random.Next(3)],
            ShelfLifeMonths: random.Next(6, 19));
    }

    private static List<ProductRow> GenerateProducts(int count, IReadOnlyList<DemoMerchant> merchants, Random random)
    {
        var products = new List<ProductRow>(count);
        for (var i = 0; i < count; i++)
        {
            var merchant = merchants[i % merchants.Count];
            if (i == 0)
            {
                products.Add(WellKnownDemoData.HighValueProduct);
                continue;
            }

            var (nouns, min, max) = DemoWords.Products[merchant.Category];
            var noun = nouns[random.Next(nouns.Length)];
            var variant = DemoWords.ColourfulCategories.Contains(merchant.Category)
                ? DemoWords.Colours[random.Next(DemoWords.Colours.Length)]
                : DemoWords.Editions[random.Next(DemoWords.Editions.Length)];
            var words = merchant.Name.Split(' ');
            var brand = string.Join(' ', words.Take(words.Length >= 3 ? 2 : 1));
            products.Add(new ProductRow
            {
                Sku = $"sku-{i + 1:D5}",
                MerchantId = merchant.MerchantId,
                Title = $"{brand} {noun} ({variant})",
                PriceMinor = (random.Next(min, max + 1) * 100L) - new[] { 0L, 1L, 10L }[random.Next(3)],
                Currency = "CNY",
            });
        }

        return products;
    }

    private static (List<CustomerRow> Customers, Dictionary<string, string> Addresses) GenerateCustomers(int count, Random random)
    {
        var customers = new List<CustomerRow>(count);
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (customer, address) in WellKnownDemoData.Customers)
        {
            customers.Add(customer);
            addresses[customer.CustomerId] = address;
        }

        for (var i = customers.Count; i < count; i++)
        {
            var zh = random.NextDouble() < 0.45;
            var id = $"c-{i + 1:D5}";
            var name = zh
                ? DemoWords.ChineseSurnames[random.Next(DemoWords.ChineseSurnames.Length)] + DemoWords.ChineseGivenNames[random.Next(DemoWords.ChineseGivenNames.Length)]
                : $"{DemoWords.FirstNames[random.Next(DemoWords.FirstNames.Length)]} {DemoWords.LastNames[random.Next(DemoWords.LastNames.Length)]}";
            var roll = random.NextDouble();
            customers.Add(new CustomerRow
            {
                CustomerId = id,
                DisplayName = name,
                Segment = roll < 0.25 ? "new" : roll < 0.85 ? "regular" : "vip",
                Language = zh ? "zh" : "en",
                JoinedAtMs = Anchor.AddDays(-random.Next(20, 1800)).AddMinutes(-random.Next(1440)).ToUnixTimeMilliseconds(),
            });
            addresses[id] = Address(zh, random);
        }

        return (customers, addresses);
    }

    /// <summary>A delivery address in the customer's language.</summary>
    public static string Address(bool zh, Random random)
    {
        var city = DemoWords.Cities[random.Next(DemoWords.Cities.Length)];
        var district = DemoWords.Districts[random.Next(DemoWords.Districts.Length)];
        var street = DemoWords.Streets[random.Next(DemoWords.Streets.Length)];
        var number = random.Next(1, 1200);
        var building = random.Next(1, 30);
        var room = (random.Next(1, 33) * 100) + random.Next(1, 8);
        return zh
            ? $"{city.Zh}{district.Zh}{street.Zh}{number}号{building}栋{room}室"
            : $"Room {room}, Building {building}, {number} {street.En}, {district.En}, {city.En}";
    }

    private static void GenerateOrders(OrderBuilder builder, int count, List<CustomerRow> customers, Dictionary<string, string> addresses, Random random)
    {
        // Generated orders never go to the well-known customers, whose order lists docs and tests rely on.
        var eligible = customers.Skip(WellKnownDemoData.ReservedCustomers).ToList();
        var placed = new List<(DateTimeOffset At, OrderStatus Status, CustomerRow Customer)>(count);
        for (var i = 0; i < count; i++)
        {
            // Every status appears even in small data sets: the first orders walk through them in turn.
            var mix = i < StatusMix.Length ? StatusMix[i] : PickStatus(random);
            var customer = eligible[random.Next(eligible.Count)];
            if (customer.Segment == "vip" || random.NextDouble() < 0.3)
            {
                customer = eligible[random.Next(eligible.Count)];
            }

            var daysAgo = mix.MinDaysAgo + (random.NextDouble() * (mix.MaxDaysAgo - mix.MinDaysAgo));
            placed.Add((Anchor.AddDays(-daysAgo).AddSeconds(-1), mix.Status, customer));
        }

        placed.Sort((a, b) => a.At.CompareTo(b.At));
        var serials = new Dictionary<DateOnly, int>();
        foreach (var (at, status, customer) in placed)
        {
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            var serial = serials.TryGetValue(day, out var last) ? last + 1 : FirstGeneratedSerial;
            serials[day] = serial;
            var merchant = builder.Merchants[random.Next(builder.Merchants.Count)];
            var lines = random.Next(1, 4);
            var order = builder.Add(OrderIds.Of(day, serial), customer.CustomerId, merchant, status, at, addresses[customer.CustomerId], lines, customer.Language == "zh");
            if (status is OrderStatus.Delivered or OrderStatus.Completed && random.NextDouble() < 0.07)
            {
                var refundStatus = new[] { RefundStatus.Requested, RefundStatus.Approved, RefundStatus.Rejected, RefundStatus.Contested, RefundStatus.Paid }[random.Next(5)];
                builder.AddRefund(order, random.Next(2) == 0 ? order.Lines[0].Sku : null, RefundReasons[random.Next(RefundReasons.Length)], refundStatus);
            }
            else if (status == OrderStatus.Shipped && random.NextDouble() < 0.02)
            {
                builder.AddRefund(order, null, "No longer needed", RefundStatus.Requested);
            }
        }
    }

    private static (OrderStatus Status, double Share, double MinDaysAgo, double MaxDaysAgo) PickStatus(Random random)
    {
        var roll = random.NextDouble();
        foreach (var mix in StatusMix)
        {
            if (roll < mix.Share)
            {
                return mix;
            }

            roll -= mix.Share;
        }

        return StatusMix[^1];
    }

    private static List<CouponRow> GenerateCoupons(List<CustomerRow> customers, IReadOnlyList<DemoMerchant> merchants, Random random)
    {
        var coupons = new List<CouponRow>(WellKnownDemoData.Coupons);
        var next = coupons.Count + 1;
        foreach (var customer in customers.Skip(WellKnownDemoData.ReservedCustomers))
        {
            if (random.NextDouble() >= 0.3)
            {
                continue;
            }

            var held = random.Next(1, 5);
            for (var i = 0; i < held; i++)
            {
                var platform = random.NextDouble() < 0.4;
                var merchant = merchants[random.Next(merchants.Count)];
                var (face, minSpend) = new[] { (5, 49), (10, 99), (20, 199), (30, 299), (50, 499), (100, 999) }[random.Next(6)];
                var roll = random.NextDouble();
                var status = roll < 0.6 ? CouponStatus.Available : roll < 0.85 ? CouponStatus.Used : CouponStatus.Expired;
                var expires = status == CouponStatus.Expired
                    ? Anchor.AddDays(-random.Next(1, 120))
                    : Anchor.AddDays(random.Next(30, 140));
                coupons.Add(new CouponRow
                {
                    CouponId = $"cp-{next++:D6}",
                    CustomerId = customer.CustomerId,
                    Title = platform ? $"¥{face} off orders over ¥{minSpend}" : $"{merchant.Name}: ¥{face} off ¥{minSpend}",
                    FaceValueMinor = face * 100L,
                    MinSpendMinor = minSpend * 100L,
                    MerchantId = platform ? null : merchant.MerchantId,
                    ExpiresAtMs = expires.ToUnixTimeMilliseconds(),
                    Status = StoredNames.Of(status),
                });
            }
        }

        return coupons;
    }
}
