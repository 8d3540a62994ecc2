using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>
/// Writes a demo shop's own FAQ the way shops write theirs: 6–12 question-answer pairs (one question per topic, no
/// paraphrases) about its return address, dispatch cut-off, shipping fees, returns, invoices, service hours and the
/// questions its category gets (sizes, warranty, shelf life...). Bilingual shops add a few entries in Chinese.
/// </summary>
internal static class MerchantFaqWriter
{
    private delegate (string Question, string Answer) Topic(MerchantFacts f, Random random);

    private static readonly Topic[] Common =
    [
        (f, r) => (Pick(r, "What is your return address?", "Where do I send my return?", "Which address should returns go to?"),
            $"Please send returns to: {f.Merchant.Name} After-Sales, {f.ReturnStreet}, {f.ReturnDistrict}, {f.Merchant.City}. " +
            "Put a note with your order number inside the parcel. We can't accept returns sent cash-on-delivery."),
        (f, r) => (Pick(r, "What time do I need to order for same-day dispatch?", "When is your shipping cut-off?"),
            $"Orders paid before {f.CutOffHour}:00 (Beijing time), Monday to {f.LastDispatchDay}, leave our {f.Merchant.City} warehouse the same day with {f.Carrier}. " +
            "Orders paid later go out on the next working day."),
        (f, r) => (Pick(r, "How much is shipping?", "Do you offer free shipping?"),
            $"Shipping is free on orders over ¥{f.FreeShippingOverYuan}. Below that we charge ¥{f.ShippingFeeYuan} anywhere in mainland China. " +
            "Parcels to Xinjiang and Tibet take 2-3 extra days."),
        (f, r) => (Pick(r, "Can I return an item if I change my mind?", "What is your return policy?"),
            $"Yes, within {f.ReturnDays} days of delivery, as long as the item is unused and in its original packaging with tags. " +
            "The buyer pays return postage unless the item is faulty or we sent the wrong one."),
        (f, r) => (Pick(r, "Can I get an invoice (fapiao)?", "Do you issue VAT invoices?"),
            $"Yes. Leave your company name and tax ID in the order note and we issue an electronic VAT invoice within {f.InvoiceDays} working days " +
            "after delivery. You'll find it on the order page in the app."),
        (f, r) => (Pick(r, "When is your customer service online?", "What are your opening hours?"),
            $"Our customer service team is online {f.OpensAt}:00-{f.ClosesAt}:00 every day, weekends included. " +
            "Messages sent outside these hours are answered the next morning."),
        (f, r) => ("Can I change my delivery address after paying?",
            "Only before the parcel is handed to the courier. Send us the new address with your order number as soon as possible; " +
            "once it has shipped we can't redirect it."),
        (f, r) => ("When will pre-sale items ship?",
            $"Pre-sale items ship within {f.PreSaleDays} days after the balance payment, on the date shown on the product page. " +
            "In-stock items in the same order are sent separately."),
        (f, r) => (Pick(r, "My parcel arrived damaged, what should I do?", "The item was broken when it arrived. What now?"),
            "Take photos of the outer box and the item within 48 hours of delivery and send them to us in chat. " +
            $"We'll send a replacement or refund you; for items under ¥{f.NoReturnNeededUnderYuan} you don't need to send the broken one back."),
        (f, r) => ("Can I use a store coupon together with a platform coupon?",
            "Yes, one store coupon and one platform coupon can be used on the same order. Coupons can't be added after payment."),
        (f, r) => ("Do you offer gift wrapping?",
            $"Gift wrapping is ¥{f.GiftWrapYuan} per order: add the \"gift wrap\" item to your cart. We never put prices or receipts in gift parcels."),
        (f, r) => ("Do you ship to Hong Kong or overseas?",
            "We ship to Hong Kong, Macau and Taiwan with SF Express (5-7 days, any duties are paid by the recipient). " +
            "We don't ship to other countries at the moment."),
        (f, r) => ("Which courier do you use?",
            $"We ship with {f.Carrier}. If {f.Carrier} doesn't deliver to your area we switch to China Post EMS at no extra cost."),
    ];

    private static readonly Dictionary<string, Topic[]> ByCategory = new(StringComparer.Ordinal)
    {
        ["electronics"] =
        [
            (f, r) => ("How long is the warranty?",
                $"Every product comes with a {f.WarrantyMonths}-month manufacturer warranty from the delivery date. Keep the box and the invoice; " +
                "we arrange the repair pick-up for you."),
            (f, r) => ("Are your products genuine?",
                "Yes. We are an authorised dealer and every item can be checked with its serial number on the brand's website."),
            (f, r) => ("Do the devices work with 220V plugs?",
                "All devices are mainland China versions with CN plugs rated 220V/50Hz. Hong Kong buyers need a UK-type adapter."),
        ],
        ["phone-accessories"] =
        [
            (f, r) => ("Will this case fit my phone?",
                "Each case is made for the exact model in its title. Check your model under Settings > About phone before ordering; " +
                "cases for the Pro and Pro Max are not interchangeable."),
            (f, r) => ("Does the charger support fast charging?",
                "Our chargers support PD 3.0 and QC 4.0 fast charging. You need a USB-C cable rated for 3A or more to get full speed."),
            (f, r) => ("How long is the warranty?",
                $"Chargers, cables and power banks have a {f.WarrantyMonths}-month replace-not-repair warranty."),
        ],
        ["apparel"] =
        [
            (f, r) => ("How do I choose my size?",
                "Check the size chart on each product page: measurements are in cm, taken flat. If you are between two sizes, take the larger one."),
            (f, r) => ("Can I exchange for a different size?",
                $"Yes, one free size exchange within {f.ReturnDays} days. Message us with your order number and the size you want before sending the item back."),
            (f, r) => ("How should I wash it?",
                "Machine wash cold on a gentle cycle, inside out, and dry flat. Don't tumble dry knits or silk."),
        ],
        ["shoes"] =
        [
            (f, r) => ("Do your shoes run true to size?",
                "Yes, they run true to size. CN 240 = EU 38 = US women's 7. If you have wide feet, go half a size up."),
            (f, r) => ("Can I return shoes I have tried on?",
                "Yes, if you only tried them on indoors and the soles are clean. Please return them in the original shoe box, not in a bag."),
        ],
        ["home-kitchen"] =
        [
            (f, r) => ("Is it dishwasher safe?",
                "Stainless steel and porcelain items are dishwasher safe. Wooden, cast-iron and hand-painted items must be washed by hand."),
            (f, r) => ("Do you install the product?",
                "Installation is not included. Every parcel has a printed guide, and the video guide is on the product page."),
        ],
        ["beauty"] =
        [
            (f, r) => ("How long before the products expire?",
                $"Everything we ship has at least {f.ShelfLifeMonths} months left before its expiry date. The date is printed on the bottom of each item."),
            (f, r) => ("Can I return opened skincare?",
                "For hygiene reasons opened products can't be returned unless you had an allergic reaction. In that case send us a photo and we'll refund you."),
            (f, r) => ("Are your products tested on animals?",
                "No. None of our own-brand products are tested on animals."),
        ],
        ["food"] =
        [
            (f, r) => ("What is the shelf life?",
                $"Our snacks keep for {f.ShelfLifeMonths} months unopened. Once opened, keep them in a sealed jar and eat within 2 weeks."),
            (f, r) => ("Do you ship with ice packs in summer?",
                "From June to September chocolate and baked goods ship with ice packs in an insulated box, at no extra cost."),
            (f, r) => ("Do your products contain nuts?",
                "Every product page lists allergens. All our products are made in a kitchen that also handles peanuts, tree nuts and sesame."),
        ],
        ["tea"] =
        [
            (f, r) => ("How should I brew it?",
                "Green tea: 3 g in 150 ml of water at 80°C for 2 minutes. Pu'er and black tea: rinse once, then steep at 95-100°C for 20-30 seconds per infusion."),
            (f, r) => ("Which harvest is this tea from?",
                "The harvest year and season are printed on each tin. Our current green teas are from this year's spring harvest."),
            (f, r) => ("How should I store tea?",
                "Keep green tea sealed in the fridge and drink it within 12 months. Pu'er keeps for years in a dry, odour-free cupboard."),
        ],
        ["baby-toys"] =
        [
            (f, r) => ("What age is this toy suitable for?",
                "The age range is on every product page and box. Toys with small parts are for children over 3 only."),
            (f, r) => ("Are your products safety certified?",
                "Yes, every toy carries the China Compulsory Certification (3C) mark and the test report is available on request."),
            (f, r) => ("Are batteries included?",
                "Batteries are not included unless the title says so, because couriers restrict lithium batteries."),
        ],
        ["sports-outdoors"] =
        [
            (f, r) => ("Does the bike come assembled?",
                "Bikes arrive 85% assembled: you fit the handlebar, pedals and front wheel. The tools are in the box and it takes about 20 minutes."),
            (f, r) => ("Is the tent waterproof?",
                "The flysheet is rated 3000 mm hydrostatic head with taped seams, enough for heavy rain. Dry it before packing to avoid mould."),
            (f, r) => ("How long is the warranty?",
                $"Frames and poles have a {f.WarrantyMonths}-month warranty against manufacturing defects; wear and tear is not covered."),
        ],
        ["books"] =
        [
            (f, r) => ("Which edition will I receive?",
                "You receive the edition shown in the product photos. Simplified Chinese editions are marked \"简体\" in the title."),
            (f, r) => ("Can I get a book signed?",
                "Signed copies are only sold as limited listings with \"signed\" in the title; we can't get other books signed."),
        ],
        ["pets"] =
        [
            (f, r) => ("How do I switch my pet to a new food?",
                "Mix the new food in gradually over 7 days: a quarter on days 1-2, half on days 3-4, three quarters on days 5-6, then only the new food."),
            (f, r) => ("What is the expiry date of the pet food?",
                $"Dry food we ship has at least {f.ShelfLifeMonths} months before its best-before date. Use an opened bag within 6 weeks."),
        ],
        ["jewellery"] =
        [
            (f, r) => ("Is your silver real?",
                "All our silver is S925 sterling silver, stamped inside, and every piece comes with a certificate from the national testing centre."),
            (f, r) => ("Can you resize a ring?",
                "We resize rings up or down two sizes for free within 30 days. Send the ring back with a note of the size you need."),
            (f, r) => ("Will it tarnish?",
                "Silver darkens with air and sweat. Store it in the zip bag it came in and polish it with the included cloth."),
        ],
        ["furniture"] =
        [
            (f, r) => ("Is delivery to my floor included?",
                "Delivery to the ground floor is included. Carrying upstairs without a lift costs ¥20 per floor, paid to the delivery team."),
            (f, r) => ("How long does delivery take?",
                "Made-to-order sofas and tables take 15-25 days to make, then 3-7 days of freight delivery. We call you to book a delivery day."),
            (f, r) => ("Do you assemble the furniture?",
                "Yes, our delivery team assembles beds, wardrobes and tables free of charge and takes the packaging away."),
        ],
        ["fresh"] =
        [
            (f, r) => ("What if some fruit arrives spoiled?",
                "Photograph the spoiled pieces next to the shipping label within 24 hours of delivery. We refund them by weight; there is no need to send them back."),
            (f, r) => ("When is fresh produce shipped?",
                "We pick and pack to order and ship Monday to Friday only, so nothing sits in a depot over the weekend."),
            (f, r) => ("How should I store it?",
                "Keep seafood frozen at -18°C and eat within 1 month. Let fruit ripen at room temperature, then refrigerate."),
        ],
    };

    private static readonly Topic[] Chinese =
    [
        (f, r) => ("退货地址是什么？",
            $"请寄回：{f.ReturnAddressZh}，{f.Merchant.Name}售后部收。包裹内请附上写有订单号的纸条，不接受到付。"),
        (f, r) => ("几点前付款当天发货？",
            $"每天{f.CutOffHour}点前付款的订单当天由{CarrierZh(f.Carrier)}发出，之后付款的订单次日发出。"),
        (f, r) => ("可以开发票吗？",
            $"可以。请在订单备注中填写公司抬头和税号，确认收货后{f.InvoiceDays}个工作日内开具电子发票。"),
        (f, r) => ("客服几点在线？",
            $"客服在线时间：每天{f.OpensAt}:00-{f.ClosesAt}:00，周末照常。其他时间的留言次日上午回复。"),
        (f, r) => ("不喜欢可以退吗？",
            $"签收后{f.ReturnDays}天内，商品未使用、包装和吊牌完好即可退货。非质量问题退货运费由买家承担。"),
    ];

    /// <summary>The shop's FAQ: 6–12 pairs, ids <c>&lt;merchant&gt;-faq-01</c>…, English first, then any Chinese entries.</summary>
    public static IReadOnlyList<MerchantFaqPair> Write(MerchantFacts facts, Random random)
    {
        var total = random.Next(6, 13);
        var chinese = facts.Merchant.Bilingual ? Math.Min(random.Next(2, Chinese.Length + 1), total - 4) : 0;
        var topics = new List<Topic>(ByCategory[facts.Merchant.Category]);
        topics.AddRange(Shuffle(Common, random));
        var pairs = topics.Take(total - chinese).Select(t => t(facts, random)).ToList();
        pairs.AddRange(Shuffle(Chinese, random).Take(chinese).Select(t => t(facts, random)));
        return pairs
            .Select((p, i) => new MerchantFaqPair($"{facts.Merchant.MerchantId}-faq-{i + 1:D2}", p.Question, p.Answer))
            .ToList();
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static List<Topic> Shuffle(Topic[] topics, Random random)
    {
        var copy = topics.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    private static string CarrierZh(string carrier) => carrier switch
    {
        "SF Express" => "顺丰速运",
        "YTO Express" => "圆通速递",
        "ZTO Express" => "中通快递",
        "JD Logistics" => "京东物流",
        "Yunda Express" => "韵达快递",
        "STO Express" => "申通快递",
        _ => "中国邮政EMS",
    };
}
