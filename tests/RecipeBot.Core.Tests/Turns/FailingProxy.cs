using System.Reflection;

namespace RecipeBot.Core.Tests.Turns;

/// <summary>An implementation of <typeparamref name="T"/> whose every method throws: a narrow seam that makes a turn fail.</summary>
public class FailingProxy<T> : DispatchProxy
    where T : class
{
    public static T Create() => DispatchProxy.Create<T, FailingProxy<T>>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"{typeof(T).Name}.{targetMethod?.Name} failed (test)");
}
