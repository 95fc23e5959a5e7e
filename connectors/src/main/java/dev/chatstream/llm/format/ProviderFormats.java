package dev.chatstream.llm.format;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import java.util.List;
import java.util.Objects;

/**
 * Converts a {@link ChatContext} to the request shape of a provider, as LiveKit's
 * {@code ChatContext.to_provider_format} does.
 *
 * <p>Every format first groups the items: an assistant message travels with the function calls of
 * the same reply and their outputs (message, then calls, then outputs), outputs whose call is absent
 * are dropped with a warning, and calls without an output are dropped. Anthropic, google and aws
 * keep the first system or developer message as the system prompt and turn every later one into a
 * user message wrapped in {@code <instructions>} tags. See {@link ProviderFormat} for the formats.
 *
 * <p>Conversion reads the context's items and never changes the context.
 */
public final class ProviderFormats {
  private ProviderFormats() {}

  /**
   * Converts {@code context} to {@code format} with the {@linkplain FormatOptions#defaults() default
   * options}.
   *
   * @throws ProviderFormatException when an item cannot be expressed in the format (malformed data
   *     URL, unsupported image type, external image URL for aws, invalid call arguments where the
   *     format needs them parsed, ...)
   */
  public static FormattedContext format(ChatContext context, ProviderFormat format) {
    return format(context, format, FormatOptions.defaults());
  }

  /**
   * Converts {@code context} to {@code format}.
   *
   * @throws ProviderFormatException when an item cannot be expressed in the format
   */
  public static FormattedContext format(
      ChatContext context, ProviderFormat format, FormatOptions options) {
    Objects.requireNonNull(context, "context must not be null");
    Objects.requireNonNull(format, "format must not be null");
    Objects.requireNonNull(options, "options must not be null");
    List<ChatItem> items = context.items();
    return switch (format) {
      case OPENAI -> OpenAiChatFormat.format(items);
      case OPENAI_RESPONSES -> OpenAiResponsesFormat.format(items);
      case ANTHROPIC -> AnthropicFormat.format(items, options);
      case GOOGLE -> GoogleFormat.format(items, options);
      case AWS -> AwsConverseFormat.format(items, options);
      case MISTRALAI -> MistralFormat.format(items);
    };
  }

  /**
   * The OpenAI Responses {@code input} elements of {@code context} (the
   * {@link ProviderFormat#OPENAI_RESPONSES} format, in the same order), each with the id of the item
   * it came from. A connector that sends only what a provider does not hold yet picks elements by
   * item; formatting the whole context first keeps every output next to its call.
   *
   * @throws ProviderFormatException when an item cannot be expressed in the format
   */
  public static List<FormattedItem> responsesInput(ChatContext context) {
    Objects.requireNonNull(context, "context must not be null");
    return OpenAiResponsesFormat.sourced(context.items());
  }
}
