using CommerceBrain.Nlu.Entities;

namespace CommerceBrain.Nlu.Tests.Entities;

public sealed class EntityExtractorTests
{
    [Fact]
    public void Order_ids_after_a_keyword_and_long_shop_ids_are_found()
    {
        var en = EntityExtractor.Extract("Where is order #A12345678? Also SO2024112300123");
        Assert.Equal(new[] { "#A12345678", "SO2024112300123" }, en.Where(e => e.Kind == EntityKind.OrderId).Select(e => e.Text));

        var zh = EntityExtractor.Extract("订单号：202411230012345678 还没发货");
        var order = Assert.Single(zh, e => e.Kind == EntityKind.OrderId);
        Assert.Equal("202411230012345678", order.Value);
    }

    [Theory]
    [InlineData("I was charged $12.50 twice", "USD 12.50")]
    [InlineData("退我 199元 就行", "CNY 199")]
    [InlineData("it cost ¥1,299.00", "CNY 1299.00")]
    [InlineData("refund 30 USD please", "USD 30")]
    [InlineData("paid RMB 88", "CNY 88")]
    public void Amounts_carry_their_currency(string text, string value)
    {
        var amount = Assert.Single(EntityExtractor.Extract(text), e => e.Kind == EntityKind.Amount);
        Assert.Equal(value, amount.Value);
    }

    [Theory]
    [InlineData("delivered on 2024-11-11?", "2024-11-11")]
    [InlineData("2024年11月11日下的单", "2024-11-11")]
    [InlineData("ordered on Nov 3rd, 2024", "2024-11-03")]
    [InlineData("arrives 11月12号", "--11-12")]
    [InlineData("can it come tomorrow", "tomorrow")]
    public void Dates_are_found_and_normalised(string text, string value)
    {
        var date = Assert.Single(EntityExtractor.Extract(text), e => e.Kind == EntityKind.Date);
        Assert.Equal(value, date.Value);
    }

    [Fact]
    public void Phones_and_emails_are_typed_with_exact_spans()
    {
        const string text = "call 138-1234-5678 or +44 20 7946 0958, mail Li.Wei@Example.com";
        var spans = EntityExtractor.Extract(text);
        Assert.Equal(new[] { EntityKind.Phone, EntityKind.Phone, EntityKind.Email }, spans.Select(s => s.Kind));
        Assert.Equal("+8613812345678", spans[0].Value);
        Assert.Equal("+442079460958", spans[1].Value);
        Assert.Equal("li.wei@example.com", spans[2].Value);
        Assert.All(spans, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Mask_replaces_personal_data_and_keeps_everything_else()
    {
        var masked = EntityExtractor.Mask("我的手机13812345678，邮箱 a.b@shop.cn，订单 SO2024112300123 退 99元");
        Assert.Equal("我的手机[PHONE]，邮箱 [EMAIL]，订单 SO2024112300123 退 99元", masked);
        Assert.Equal(string.Empty, EntityExtractor.Mask(null));
    }

    [Fact]
    public void A_phone_number_is_not_also_reported_as_an_order_id_or_amount()
    {
        var spans = EntityExtractor.Extract("+8613812345678");
        Assert.Equal(EntityKind.Phone, Assert.Single(spans).Kind);
    }
}
