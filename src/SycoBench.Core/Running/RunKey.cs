namespace SycoBench.Running;

/// <summary>What a run asks once: one model, one prompt, one sample. Readers keep the latest record per key.</summary>
public readonly record struct RunKey(string ModelId, string PromptId, int Sample)
{
    public override string ToString() =>
        Sample == 0 ? $"{ModelId} prompt {PromptId}" : $"{ModelId} prompt {PromptId} sample {Sample}";
}
