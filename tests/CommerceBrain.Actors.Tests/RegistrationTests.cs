using CommerceBrain.Actors.Runtime;

namespace CommerceBrain.Actors.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Grain_type_names_are_the_lower_case_class_name_without_Grain_unless_overridden()
    {
        Assert.Equal("couponbudget", GrainTypeInfo.GetTypeName(typeof(CouponBudgetGrain)));
        Assert.Equal("session", GrainTypeInfo.GetTypeName(typeof(ConversationSessionGrain)));
        Assert.Equal("statsgrainhost", GrainTypeInfo.GetTypeName(typeof(StatsGrainHost)));
    }

    [Fact]
    public async Task An_interface_implemented_by_two_scanned_classes_needs_an_explicit_registration()
    {
        await using (var scanned = await LocalActorHost.StartAsync(null, b => b
            .AddGrain<IGreeter, EnglishGreeterGrain>()
            .AddGrainsFromAssembly(typeof(RegistrationTests).Assembly)))
        {
            Assert.Equal("hello", await scanned.Grains.GetGrain<IGreeter>("x").Greet());
        }

        await using var ambiguous = await LocalActorHost.StartAsync(null, b => b.AddGrainsFromAssembly(typeof(RegistrationTests).Assembly));
        var error = Assert.Throws<InvalidOperationException>(() => ambiguous.Grains.GetGrain<IGreeter>("x"));
        Assert.Contains("EnglishGreeterGrain", error.Message);
        Assert.Contains("FrenchGreeterGrain", error.Message);
    }

    [Fact]
    public async Task ValueTask_methods_return_their_results()
    {
        await using var host = await LocalActorHost.StartAsync(null, b => b.AddGrain<IValueGrain, ValueGrain>());
        var grain = host.Grains.GetGrain<IValueGrain>("v");

        await grain.Store(41);

        Assert.Equal(42, await grain.Next());
    }

    [Fact]
    public async Task A_null_or_empty_key_is_rejected()
    {
        await using var host = await LocalActorHost.StartAsync(null, b => b.AddGrain<IValueGrain, ValueGrain>());

        Assert.Throws<ArgumentException>(() => host.Grains.GetGrain<IValueGrain>(""));
        Assert.Throws<ArgumentNullException>(() => host.Grains.GetGrain<IValueGrain>(null!));
    }
}

public interface IGreeter : IGrainWithStringKey
{
    Task<string> Greet();
}

public sealed class EnglishGreeterGrain : Grain, IGreeter
{
    public Task<string> Greet() => Task.FromResult("hello");
}

public sealed class FrenchGreeterGrain : Grain, IGreeter
{
    public Task<string> Greet() => Task.FromResult("bonjour");
}

public interface IValueGrain : IGrainWithStringKey
{
    ValueTask Store(int value);

    ValueTask<int> Next();
}

public sealed class ValueGrain : Grain, IValueGrain
{
    private int _value;

    public async ValueTask Store(int value)
    {
        await Task.Yield();
        _value = value;
    }

    public ValueTask<int> Next() => ValueTask.FromResult(++_value);
}

public sealed class CouponBudgetGrain : Grain;

[GrainType("session")]
public sealed class ConversationSessionGrain : Grain;

public sealed class StatsGrainHost : Grain;
