namespace RecipeBot.StateMachine.Tests;

public enum State
{
    A,
    B,
    C,
    D,
}

public enum Trigger
{
    X,
    Y,
    Z,
}
