package dev.chatstream.llm.format;

/**
 * The request shapes a {@link dev.chatstream.llm.chat.ChatContext} can be converted to, named as in
 * LiveKit's {@code to_provider_format}.
 */
public enum ProviderFormat {
  /** OpenAI Chat Completions {@code messages}. */
  OPENAI("openai"),
  /** OpenAI Responses API {@code input} items. */
  OPENAI_RESPONSES("openai.responses"),
  /** Anthropic Messages {@code messages}, with the system prompt apart. */
  ANTHROPIC("anthropic"),
  /** Google Gemini {@code contents}, with the system instruction apart. */
  GOOGLE("google"),
  /** AWS Bedrock Converse {@code messages}, with the system prompt apart. */
  AWS("aws"),
  /** Mistral Conversations API {@code inputs} entries, with {@code instructions} apart. */
  MISTRALAI("mistralai");

  private final String wireName;

  ProviderFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The format's name as LiveKit spells it ({@code openai.responses}, {@code mistralai}, ...). */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a format name.
   *
   * @throws ProviderFormatException naming the known formats when {@code name} is not one of them
   */
  public static ProviderFormat fromWireName(String name) {
    for (ProviderFormat format : values()) {
      if (format.wireName.equals(name)) {
        return format;
      }
    }
    throw new ProviderFormatException("unsupported provider format '" + name
        + "' (expected openai, openai.responses, anthropic, google, aws or mistralai)");
  }
}
