package dev.chatstream.pipeline.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of LLM an {@link LlmProfile} can name, by their configuration id ({@code llm.<name>.provider}). */
public enum ProviderType {
  /** OpenAI's Chat Completions API, or any server compatible with it (Ollama, vLLM, ...). */
  OPENAI("openai"),
  /**
   * OpenAI's Responses API (over a WebSocket or HTTP), with the conversation kept on the provider's
   * side; also Azure OpenAI's v1 API and compatible servers, through the base URL.
   */
  OPENAI_RESPONSES("openai-responses"),
  /** Azure OpenAI: a deployment on an Azure endpoint. */
  AZURE("azure"),
  /** LiveKit Inference: LiveKit's OpenAI-compatible gateway, authenticated with a LiveKit key and secret. */
  LIVEKIT_INFERENCE("livekit-inference"),
  /** Anthropic's Messages API (Claude). */
  ANTHROPIC("anthropic"),
  /** Google Gemini, on the Gemini API or Vertex AI. */
  GOOGLE("google"),
  /** Amazon Bedrock's Converse API, signed with AWS credentials. */
  BEDROCK("bedrock"),
  /** Mistral's chat completions API, in Mistral's own format. */
  MISTRAL("mistral"),
  /** Answers without any network, for a fresh machine and for tests; clearly named as such. */
  OFFLINE("offline"),
  /** Tries other profiles in order, moving to the next one when one fails. */
  FALLBACK("fallback");

  private final String id;

  ProviderType(String id) {
    this.id = id;
  }

  /** The id used in configuration, e.g. {@code livekit-inference}. */
  public String id() {
    return id;
  }

  /** The provider with this configuration id. */
  public static Optional<ProviderType> fromId(String id) {
    return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
  }

  /** Every configuration id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ProviderType::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
