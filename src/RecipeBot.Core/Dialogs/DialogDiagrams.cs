using RecipeBot.Core.Flow;
using Stateless.Graph;

namespace RecipeBot.Core.Dialogs;

/// <summary>Every dialog's machine as a Mermaid state diagram, Stateless's own export (the <c>graph</c> command, the README).</summary>
public static class DialogDiagrams
{
    public static IReadOnlyList<(string Dialog, string Mermaid)> All(CompiledFlow flow) =>
    [
        ("menu", flow.ToMermaid()),
        ("clarification", ClarificationDialog.ToMermaid()),
        ("schedule", MermaidGraph.Format(new ScheduleMachine().Machine.GetInfo())),
        ("meeting", MermaidGraph.Format(new MeetingMachine(_ => Task.CompletedTask).Machine.GetInfo())),
        ("next step", MermaidGraph.Format(new NextStepMachine(_ => Task.CompletedTask, _ => Task.CompletedTask).Machine.GetInfo())),
        ("action plan", MermaidGraph.Format(PlanDialog.Info())),
        ("close-out", MermaidGraph.Format(CloseOutDialog.Diagram().GetInfo())),
        ("forget", PrivacyDialog.ToMermaid()),
    ];
}
