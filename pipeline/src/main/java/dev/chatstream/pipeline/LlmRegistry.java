package dev.chatstream.pipeline;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import java.util.Set;

/** The configured LLM profiles, by name, each a ready provider. */
public interface LlmRegistry extends AutoCloseable {

  /** A registry of one profile, {@code name}, served by {@code provider} with default connect options. */
  static LlmRegistry of(String name, LlmProvider provider) {
    return ProviderRegistry.single(name, provider);
  }

  /** The profile used when a request names none. */
  String defaultProfile();

  /** The names of every profile. */
  Set<String> profiles();

  /**
   * The provider of profile {@code name}, or of the default profile when {@code name} is null.
   *
   * @throws IllegalArgumentException naming the known profiles when there is no such profile
   */
  LlmProvider provider(String name);

  /** The retry and timeout options of profile {@code name} (the default profile when null). */
  ConnectOptions connectOptions(String name);

  /** True when {@code name} is null (the default) or a configured profile. */
  default boolean has(String name) {
    return name == null || profiles().contains(name);
  }

  /** Closes every provider. */
  @Override
  void close();
}
