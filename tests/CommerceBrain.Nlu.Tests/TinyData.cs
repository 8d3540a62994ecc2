using CommerceBrain.Nlu.Text;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests;

/// <summary>Small inline training sets so tests train in well under a second.</summary>
internal static class TinyData
{
    private static readonly Dictionary<string, string[]> Phrases = new()
    {
        ["track_order"] =
        [
            "where is my order", "track my parcel", "when will my package arrive", "my order has not arrived",
            "has my order shipped yet", "delivery status of my order", "where is my package now", "tracking number for my parcel",
            "is my parcel on the way", "my package is late", "我的快递到哪了", "订单什么时候到",
        ],
        ["refund"] =
        [
            "i want a refund", "give me my money back", "how do i get a refund", "refund my purchase please",
            "when will i get my refund", "the refund has not arrived", "request a refund for this item", "money back for my order",
            "refund status please", "can i be refunded", "我要退款", "退款什么时候到账",
        ],
        ["change_address"] =
        [
            "change my delivery address", "update the shipping address", "i moved, new address please", "wrong address on my order",
            "can i change where it ships", "edit my address", "send it to a different address", "fix the address on my parcel",
            "update address for delivery", "my address is wrong", "修改收货地址", "地址填错了",
        ],
        ["cancel_order"] =
        [
            "cancel my order", "i want to cancel the purchase", "please cancel this order", "stop my order",
            "can i cancel before it ships", "cancel the item i bought", "how to cancel an order", "i no longer want this order",
            "cancel order now", "undo my purchase", "取消订单", "我不想要了帮我取消",
        ],
        ["invoice"] =
        [
            "i need an invoice", "send me the receipt", "where is my invoice", "can i get a tax invoice",
            "download my receipt", "invoice for my purchase", "vat invoice please", "email me the bill",
            "receipt for order", "company invoice needed", "开发票", "我要发票",
        ],
    };

    private static readonly string[] OutOfScope =
    [
        "what is the weather tomorrow", "tell me a joke", "who won the football game", "play some music",
        "what is the capital of france", "how tall is mount everest", "recommend a movie", "what time is it in tokyo",
        "do you like pizza", "sing me a song", "solve this math problem", "translate hello into german",
    ];

    public static IReadOnlyList<LabeledText> Intents(bool withOos = false)
    {
        var data = Phrases.SelectMany(p => p.Value.Select(t => new LabeledText(t, p.Key))).ToList();
        if (withOos)
        {
            data.AddRange(OutOfScope.Select(t => new LabeledText(t, "oos")));
        }

        return data;
    }

    public static TrainerOptions FastOptions(int seed = 7, int threads = 2, int hidden = 0) => new()
    {
        Featurizer = new FeaturizerOptions { Buckets = 1 << 12 },
        Dim = 16,
        Hidden = hidden,
        Epochs = hidden > 0 ? 60 : 25,
        MinUpdates = 0,
        EnsembleSize = 2,
        Threads = threads,
        Seed = seed,
        ValidationFraction = 0.2,
        Patience = 100,
    };
}
