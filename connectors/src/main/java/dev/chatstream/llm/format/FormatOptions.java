package dev.chatstream.llm.format;

/**
 * Options of a {@link ProviderFormats} conversion.
 *
 * @param injectDummyUserMessage when true (the default), formats whose provider needs a user turn at
 *     one end add a placeholder there: anthropic and aws prepend a user {@code "(empty)"} message
 *     when the first message is not from the user; google appends a user {@code "."} when the last
 *     turn is not the user's. The other formats never add one.
 */
public record FormatOptions(boolean injectDummyUserMessage) {

  /** The defaults: dummy user message injection on. */
  public static FormatOptions defaults() {
    return new FormatOptions(true);
  }

  /** A copy with dummy user message injection set as given. */
  public FormatOptions withInjectDummyUserMessage(boolean inject) {
    return new FormatOptions(inject);
  }
}
