package dev.chatstream.pipeline.internals.llm;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.pipeline.LlmRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link LlmRegistry} over providers built beforehand, each with its connect options. */
public final class ProviderRegistry implements LlmRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

  private final String defaultProfile;
  private final Map<String, LlmProvider> providers;
  private final Map<String, ConnectOptions> connectOptions;
  private final List<Runnable> onClose;

  private ProviderRegistry(String defaultProfile, Map<String, LlmProvider> providers, Map<String, ConnectOptions> options,
      List<Runnable> onClose) {
    if (!providers.containsKey(defaultProfile)) {
      throw new IllegalArgumentException("the default profile '" + defaultProfile + "' has no provider");
    }
    this.defaultProfile = defaultProfile;
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    this.connectOptions = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.onClose = List.copyOf(onClose);
  }

  /** A registry of one profile, {@code name}, served by {@code provider} with default connect options. */
  public static ProviderRegistry single(String name, LlmProvider provider) {
    return builder(name).add(name, provider, ConnectOptions.defaults()).build();
  }

  /** A builder whose default profile is {@code defaultProfile}. */
  public static Builder builder(String defaultProfile) {
    return new Builder(defaultProfile);
  }

  @Override
  public String defaultProfile() {
    return defaultProfile;
  }

  @Override
  public Set<String> profiles() {
    return providers.keySet();
  }

  @Override
  public LlmProvider provider(String name) {
    LlmProvider provider = providers.get(name == null ? defaultProfile : name);
    if (provider == null) {
      throw new IllegalArgumentException("no LLM profile '" + name + "' (configured: " + providers.keySet() + ")");
    }
    return provider;
  }

  @Override
  public ConnectOptions connectOptions(String name) {
    return connectOptions.getOrDefault(name == null ? defaultProfile : name, ConnectOptions.defaults());
  }

  @Override
  public void close() {
    for (Map.Entry<String, LlmProvider> entry : providers.entrySet()) {
      try {
        entry.getValue().close();
      } catch (RuntimeException e) {
        LOG.warn("closing LLM profile {} failed: {}", entry.getKey(), e.toString());
      }
    }
    onClose.forEach(Runnable::run);
  }

  /** Collects profiles. */
  public static final class Builder {
    private final String defaultProfile;
    private final Map<String, LlmProvider> providers = new LinkedHashMap<>();
    private final Map<String, ConnectOptions> options = new LinkedHashMap<>();
    private final List<Runnable> onClose = new ArrayList<>();

    private Builder(String defaultProfile) {
      this.defaultProfile = Objects.requireNonNull(defaultProfile, "default profile");
    }

    /** Adds profile {@code name}. */
    public Builder add(String name, LlmProvider provider, ConnectOptions connectOptions) {
      providers.put(name, Objects.requireNonNull(provider, "provider"));
      options.put(name, Objects.requireNonNull(connectOptions, "connect options"));
      return this;
    }

    /** Runs {@code action} when the registry closes, after its providers (a shared scheduler, say). */
    public Builder onClose(Runnable action) {
      onClose.add(Objects.requireNonNull(action, "action"));
      return this;
    }

    /** The registry. */
    public ProviderRegistry build() {
      return new ProviderRegistry(defaultProfile, providers, options, onClose);
    }
  }
}
