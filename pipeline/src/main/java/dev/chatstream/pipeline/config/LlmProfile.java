package dev.chatstream.pipeline.config;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.offline.OfflineProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/**
 * A named LLM configuration ({@code llm.<name>.*}): which provider, which model, where, with which
 * credentials, options and retries. Plain data: the pipeline turns it into a connector. Secrets are
 * {@link Password}s, so {@link #toString()} prints them as {@code [hidden]}.
 *
 * @param name the profile name, as {@code generate_reply} requests and {@code default.llm} refer to it
 * @param model the model (the connector's default model for openai, anthropic, google, bedrock and mistral,
 *     {@code offline-echo} for offline, empty for fallback and for an azure deployment named without a model)
 * @param baseUrl the endpoint, when set here or in the provider's environment variable; empty means the
 *     provider's default endpoint
 * @param apiKey the API key, resolved from the configuration or the environment; empty when none is set, and
 *     always for bedrock (AWS credentials, in {@link ProviderSettings.Bedrock}) and a Vertex AI project (access
 *     tokens)
 * @param options extra request options ({@code llm.<name>.options.<key>}), values parsed as JSON when
 *     they are JSON (numbers, booleans, objects, arrays, null) and kept as strings otherwise
 * @param connectOptions retries and timeouts of one request
 * @param settings what only this profile's provider needs
 */
public record LlmProfile(String name, Optional<String> model, Optional<String> baseUrl,
    Optional<Password> apiKey, Map<String, Object> options, ConnectOptions connectOptions,
    ProviderSettings settings) {

  /** Checks for nulls and copies the options (which may hold JSON nulls) into a read-only map. */
  public LlmProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    Objects.requireNonNull(connectOptions, "connectOptions");
    Objects.requireNonNull(settings, "settings");
  }

  /** The offline provider under {@code name}, with default timings and connect options. */
  public static LlmProfile offline(String name) {
    return new LlmProfile(name, Optional.of(OfflineProvider.MODEL), Optional.empty(), Optional.empty(),
        Map.of(), ConnectOptions.defaults(), LlmProfileConfig.offlineDefaults());
  }

  /** The kind of provider. */
  public ProviderType provider() {
    return settings.provider();
  }

  /** True for the offline provider, which needs no network. */
  public boolean isOffline() {
    return provider() == ProviderType.OFFLINE;
  }

  /** One line for people: name, provider, model and endpoint, never a secret. */
  public String summary() {
    StringBuilder line = new StringBuilder(name).append(": ").append(provider().id());
    model.ifPresent(m -> line.append(", model ").append(m));
    baseUrl.ifPresent(url -> line.append(", at ").append(url));
    switch (settings) {
      case ProviderSettings.Fallback fallback -> line.append(", over ").append(String.join(" -> ", fallback.members()));
      case ProviderSettings.Google google when google.vertexAi() -> line.append(", on Vertex AI")
          .append(google.vertexProject().map(p -> " (project " + p.project() + " in " + p.location() + ")").orElse(""));
      case ProviderSettings.Bedrock bedrock -> {
        bedrock.region().ifPresent(region -> line.append(", region ").append(region));
        line.append(", ").append(bedrock.credentials().describe());
      }
      default -> { }
    }
    apiKey.ifPresent(key -> line.append(", api key ").append(key));
    return line.toString();
  }
}
