using System.ComponentModel.DataAnnotations;

namespace AsnBot.Knowledge.Answers.Llm;

/// <summary>
/// An optional OpenAI-compatible chat endpoint. Without <see cref="Endpoint"/> nothing of the
/// language model is registered and every answer comes from retrieval.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    [Required(ErrorMessage = "Llm:Endpoint is required once the language model is configured.")]
    [RegularExpression(@"^https?://\S+/v1/?$", ErrorMessage = "Llm:Endpoint must be an http(s) URL ending in /v1, e.g. http://127.0.0.1:8000/v1.")]
    public string Endpoint { get; set; } = "";

    [Required(ErrorMessage = "Llm:Model is required when Llm:Endpoint is set.")]
    public string Model { get; set; } = "";

    /// <summary>Empty for servers that need none (a local model).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>After this, the answer comes from retrieval instead.</summary>
    [Range(1, 300, ErrorMessage = "Llm:TimeoutSeconds must be from 1 to 300.")]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>The asker's name and NIP are sent to the model only when this is true.</summary>
    public bool SendPersonIdentity { get; set; }
}
