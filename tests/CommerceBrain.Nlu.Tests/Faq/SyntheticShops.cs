using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Nlu.Tests.Faq;

/// <summary>
/// Two shops written for these tests the way merchants write a FAQ (question and answer, no paraphrases), with
/// customers' questions in other words. Written before the matcher's shop settings were chosen and never tuned against.
/// </summary>
internal static class SyntheticShops
{
    public static readonly MerchantFaqSet Pets = new("shop-pets", 1,
    [
        new("p1", "Do you deliver live fish?", "No. We sell aquarium equipment, food and decorations only; live animals cannot be shipped by courier."),
        new("p2", "How long does dog food keep after opening?", "Dry food keeps 6 weeks after opening if the bag is resealed and kept dry; wet food must be refrigerated and used within 2 days."),
        new("p3", "Can I return an opened bag of cat litter?", "Opened litter cannot be returned for hygiene reasons. Unopened bags can be returned within 7 days of delivery."),
        new("p4", "Where is your warehouse?", "We ship from our warehouse at 12 Binhai Road, Tianjin 300450. Returns go to the same address; write your order number on the parcel."),
        new("p5", "What time do you stop shipping for the day?", "Orders paid before 16:00 leave our warehouse the same day; later orders ship the next morning."),
        new("p6", "Do you sell prescription diets?", "Yes, veterinary diets are listed under 'Vet care'. You need to upload a prescription from your vet before we can ship them."),
        new("p7", "Is the aquarium heater safe for turtles?", "Our heaters come with a plastic guard, which makes them safe for turtle tanks. Without the guard turtles may break the glass."),
        new("p8", "Can you engrave a name on the pet tag?", "Yes, the stainless-steel tags can be engraved with up to 20 characters on each side for free; engraved tags cannot be returned."),
    ]);

    public static readonly (string Query, string Expected)[] PetsQueries =
    [
        ("can you send me some goldfish", "p1"),
        ("how long is kibble good for once the bag is open", "p2"),
        ("I opened the litter but my cat hates it, can I send it back", "p3"),
        ("what address do I mail a return to", "p4"),
        ("if I pay at 3pm will the order go out today", "p5"),
        ("do you have the special kidney food my vet recommended", "p6"),
        ("can I put the heater in my turtle tank", "p7"),
        ("could you put my dog's name on the tag", "p8"),
        ("狗粮开封后能放多久", "p2"),
        ("宠物牌可以刻字吗", "p8"),
    ];

    public static readonly MerchantFaqSet Books = new("shop-books", 1,
    [
        new("b1", "Are your books new or second-hand?", "All books are new unless the listing title says 'used'. Used books are graded Like new, Good or Acceptable, and the grade is shown on the listing."),
        new("b2", "Can you get a book that is not in your catalogue?", "Yes, send us the ISBN through chat and we will quote a price and delivery time within one working day; special orders cannot be cancelled once placed."),
        new("b3", "Do you sell e-books?", "No, we only sell printed books and audiobook CDs."),
        new("b4", "When do you dispatch orders?", "We pack orders every working day at 14:00; anything paid after that goes out the next working day. We do not ship on Sundays."),
        new("b5", "Can I have a book signed by the author?", "Signed copies are sold only during author events announced on our shop page; we cannot arrange signatures for other orders."),
        new("b6", "Do you offer discounts for schools?", "Schools and libraries ordering 20 or more copies get 15% off; contact us with the school's name and the list of titles."),
        new("b7", "My book arrived with a bent cover, what can I do?", "Send us a photo of the damage within 7 days of delivery and we will send a replacement or refund you; you do not need to return the damaged copy."),
    ]);

    public static readonly (string Query, string Expected)[] BooksQueries =
    [
        ("is this copy used or brand new", "b1"),
        ("could you order in a title you don't stock", "b2"),
        ("can I buy the kindle version from you", "b3"),
        ("what time do you send out parcels", "b4"),
        ("is it possible to get an autographed copy", "b5"),
        ("our school needs 30 copies, is there a discount", "b6"),
        ("the corner of the book was crushed in delivery", "b7"),
        ("你们卖电子书吗", "b3"),
        ("学校批量买书有折扣吗", "b6"),
    ];
}
