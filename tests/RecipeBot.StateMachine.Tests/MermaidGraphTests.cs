namespace RecipeBot.StateMachine.Tests;

public class MermaidGraphTests
{
    [Fact]
    public void Format_SmallMachine_ProducesPinnedDiagram()
    {
        var machine = new StateMachine<string, string>("idle");
        machine.Configure("idle").Permit("start", "ordering").Ignore("noise");
        machine.Configure("ordering")
            .InitialTransition("choosing")
            .Permit("cancel", "idle")
            .PermitDynamic("route", () => "idle");
        machine.Configure("choosing").SubstateOf("ordering").PermitIf("pick", "contact/no-partners", () => true, "has menu");
        machine.Configure("contact/no-partners")
            .SubstateOf("ordering")
            .PermitReentry("retry")
            .InternalTransition("ping", _ => Task.CompletedTask);

        var mermaid = MermaidGraph.Format(machine.GetInfo());

        Assert.Equal(
            """
            stateDiagram-v2
                idle
                state ordering {
                    [*] --> choosing
                    choosing
                    state "contact/no-partners" as s3
                }
                [*] --> idle
                idle --> ordering : start
                ordering --> idle : cancel
                state c1 <<choice>>
                ordering --> c1 : route
                choosing --> s3 : pick [has menu]
                s3 --> s3 : retry
                s3 --> s3 : ping (internal)

            """.ReplaceLineEndings("\n"),
            mermaid);
    }

    [Fact]
    public void Format_NamesThatAreNotMermaidIdentifiers_GetUniqueAliases()
    {
        var machine = new StateMachine<string, string>("s1");
        machine.Configure("s1").Permit("go", "my state").Permit("next", "end").Permit("other", "default-x");
        machine.Configure("my state").PermitIf("back", "s1", () => true, "a: b; c");

        var mermaid = MermaidGraph.Format(machine.GetInfo());

        Assert.Equal(
            """
            stateDiagram-v2
                s1
                state "my state" as s1_
                state "end" as s2
                state "default-x" as s3
                [*] --> s1
                s1 --> s1_ : go
                s1 --> s2 : next
                s1 --> s3 : other
                s1_ --> s1 : back [a  b  c]

            """.ReplaceLineEndings("\n"),
            mermaid);
    }
}
