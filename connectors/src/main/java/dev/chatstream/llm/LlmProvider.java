package dev.chatstream.llm;

/**
 * A configured LLM: a provider, a model and its options. Thread-safe; one instance serves many
 * concurrent generations.
 */
public interface LlmProvider extends AutoCloseable {

  /** A label for errors and metrics, such as {@code openai.LLM}. */
  String label();

  /** The default model. */
  String model();

  /** The provider named in metrics ({@code model_provider}), such as {@code openai}. */
  String provider();

  /**
   * Starts a generation and returns at once; the caller's thread never waits on the network.
   * Events go to {@code listener} on connector threads.
   */
  LlmStream chat(LlmRequest request, LlmStreamListener listener);

  /** Releases what this provider holds of its own; the shared HTTP client stays open. */
  @Override
  default void close() {}
}
