using CommerceBrain.Conversations.Privacy;

namespace CommerceBrain.Conversations.Tests.Privacy;

public class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("my card is 4111 1111 1111 1111 thanks", "my card is [card] thanks")]
    [InlineData("card 5555-5555-5555-4444", "card [card]")]
    [InlineData("卡号6222020200112233446", "卡号[card]")]
    [InlineData("amex 378282246310005.", "amex [card].")]
    [InlineData("call me on 138 1234 5678", "call me on [phone]")]
    [InlineData("手机13812345678，谢谢", "手机[phone]，谢谢")]
    [InlineData("or +44 20 7946 0958 in London", "or [phone] in London")]
    [InlineData("mail li.wei+shop@example.com.cn please", "mail [email] please")]
    public void Personal_data_is_masked(string text, string masked) => Assert.Equal(masked, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("where is my order 2026111100001")]
    [InlineData("订单2026111100002怎么还没到")]
    [InlineData("orders 2026111100003 and 2026111100009")]
    [InlineData("order 2024110112345 and #88231")]
    [InlineData("it cost ¥2,399 on 2026-11-11")]
    public void Order_ids_amounts_and_dates_survive(string text) => Assert.Equal(text, PersonalDataMasker.Mask(text));

    [Fact]
    public void A_luhn_valid_order_id_is_still_not_a_card()
    {
        // 2026111100007 passes the Luhn check, but 13-digit cards are Visa (4…) only.
        Assert.True(IsLuhnValid("2026111100007"));
        Assert.Equal("order 2026111100007", PersonalDataMasker.Mask("order 2026111100007"));
    }

    [Fact]
    public void A_luhn_invalid_card_like_number_is_kept()
    {
        Assert.Equal("4111 1111 1111 1112", PersonalDataMasker.Mask("4111 1111 1111 1112"));
    }

    private static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
