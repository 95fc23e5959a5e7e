package dev.chatstream.pipeline.config;

import static dev.chatstream.pipeline.config.LlmProfileConfig.ANTHROPIC_MAX_TOKENS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.ANTHROPIC_PROMPT_CACHING_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.API_KEY_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.API_KEY_ENV_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.API_SECRET_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.API_SECRET_ENV_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.ATTEMPT_TIMEOUT_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.AZURE_API_VERSION_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.AZURE_DEPLOYMENT_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BASE_URL_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.DEFAULT_FALLBACK_RETRY_INTERVAL_MS;
import static dev.chatstream.pipeline.config.LlmProfileConfig.DEFAULT_RETRY_INTERVAL_MS;
import static dev.chatstream.pipeline.config.LlmProfileConfig.LIVEKIT_PROVIDER_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.MAX_RETRY_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.MAX_RETRY_PER_LLM_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.MEMBERS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.MODEL_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.PREFIX;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RETRY_INTERVAL_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RETRY_ON_CHUNK_SENT_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TIMEOUT_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TOKEN_DELAY_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TTFT_MS_CONFIG;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.anthropic.AnthropicOptions;
import dev.chatstream.llm.bedrock.BedrockOptions;
import dev.chatstream.llm.google.GoogleOptions;
import dev.chatstream.llm.mistral.MistralOptions;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Reads one parsed profile into an {@link LlmProfile}, resolving credentials and endpoints from the environment. */
final class ProfileReader {
  private final String name;
  private final ProviderType provider;
  private final LlmProfileConfig config;
  private final Map<String, String> environment;

  ProfileReader(String name, ProviderType provider, LlmProfileConfig config, Map<String, String> environment) {
    this.name = name;
    this.provider = provider;
    this.config = config;
    this.environment = environment;
  }

  LlmProfile read(Map<String, Object> options) {
    ProviderSettings settings = settings();
    return new LlmProfile(name, model(settings), baseUrl(), apiKey(settings), options, connectOptions(), settings);
  }

  private ProviderSettings settings() {
    return switch (provider) {
      case OPENAI -> new ProviderSettings.OpenAi();
      case OPENAI_RESPONSES -> ResponsesSettings.read(this);
      case AZURE -> new ProviderSettings.Azure(string(AZURE_DEPLOYMENT_CONFIG),
          string(AZURE_API_VERSION_CONFIG).or(() -> present(ProviderEnvironment.AZURE_API_VERSION)));
      case LIVEKIT_INFERENCE -> new ProviderSettings.LiveKitInference(string(LIVEKIT_PROVIDER_CONFIG),
          secret(API_SECRET_CONFIG, API_SECRET_ENV_CONFIG, ProviderEnvironment.apiSecretVariables(provider)));
      case ANTHROPIC -> new ProviderSettings.Anthropic(config.getInt(ANTHROPIC_MAX_TOKENS_CONFIG),
          config.getBoolean(ANTHROPIC_PROMPT_CACHING_CONFIG));
      case GOOGLE -> CloudSettings.google(this);
      case BEDROCK -> CloudSettings.bedrock(this);
      case MISTRAL -> new ProviderSettings.Mistral();
      case OFFLINE -> new ProviderSettings.Offline(millis(TTFT_MS_CONFIG), millis(TOKEN_DELAY_MS_CONFIG));
      case FALLBACK -> fallback();
    };
  }

  private ProviderSettings.Fallback fallback() {
    List<String> members = new ArrayList<>();
    for (String member : config.getList(MEMBERS_CONFIG)) {
      String trimmed = member.strip();
      if (!trimmed.isEmpty()) {
        members.add(trimmed);
      }
    }
    if (members.isEmpty()) {
      throw fault("needs " + where(MEMBERS_CONFIG) + ": the profiles to try, in order");
    }
    if (new HashSet<>(members).size() != members.size()) {
      throw fault(where(MEMBERS_CONFIG) + " lists a profile twice: " + String.join(", ", members));
    }
    return new ProviderSettings.Fallback(members, millis(ATTEMPT_TIMEOUT_MS_CONFIG),
        config.getInt(MAX_RETRY_PER_LLM_CONFIG), retryInterval(), config.getBoolean(RETRY_ON_CHUNK_SENT_CONFIG));
  }

  private Optional<String> model(ProviderSettings settings) {
    Optional<String> model = string(MODEL_CONFIG);
    return switch (provider) {
      case OPENAI -> model.or(() -> Optional.of(OpenAiChatOptions.DEFAULT_MODEL));
      case OPENAI_RESPONSES -> model.or(() -> Optional.of(OpenAiResponsesOptions.DEFAULT_MODEL));
      case ANTHROPIC -> model.or(() -> Optional.of(AnthropicOptions.DEFAULT_MODEL));
      case GOOGLE -> model.or(() -> Optional.of(GoogleOptions.DEFAULT_MODEL));
      case BEDROCK -> model.or(() -> Optional.of(BedrockOptions.DEFAULT_MODEL));
      case MISTRAL -> model.or(() -> Optional.of(MistralOptions.DEFAULT_MODEL));
      case OFFLINE -> model.or(() -> Optional.of(OfflineProvider.MODEL));
      case LIVEKIT_INFERENCE -> Optional.of(model.orElseThrow(
          () -> fault("needs " + where(MODEL_CONFIG) + " (for example openai/gpt-4.1-mini)")));
      case AZURE -> {
        if (model.isEmpty() && ((ProviderSettings.Azure) settings).deployment().isEmpty()) {
          throw fault("needs " + where(MODEL_CONFIG) + " or " + where(AZURE_DEPLOYMENT_CONFIG));
        }
        yield model;
      }
      case FALLBACK -> Optional.empty();
    };
  }

  private Optional<String> baseUrl() {
    Optional<String> configured = string(BASE_URL_CONFIG);
    if (configured.isPresent()) {
      return configured;
    }
    Optional<String> variable = ProviderEnvironment.baseUrlVariable(provider);
    Optional<String> fromEnvironment = variable.flatMap(this::present);
    fromEnvironment.ifPresent(url -> Validators.url().ensureValid(variable.get(), url));
    if (provider == ProviderType.AZURE && fromEnvironment.isEmpty()) {
      throw fault("needs " + where(BASE_URL_CONFIG) + " or " + variable.orElseThrow() + " (the Azure endpoint)");
    }
    return fromEnvironment;
  }

  /** The API key; none for a Vertex AI project, which sends access tokens instead. */
  private Optional<Password> apiKey(ProviderSettings settings) {
    if (settings instanceof ProviderSettings.Google google && google.vertexProject().isPresent()) {
      return Optional.empty();
    }
    return secret(API_KEY_CONFIG, API_KEY_ENV_CONFIG, ProviderEnvironment.apiKeyVariables(provider));
  }

  private Optional<Password> secret(String key, String variableKey, List<String> defaultVariables) {
    Password configured = config.getPassword(key);
    if (configured != null) {
      return Optional.of(configured);
    }
    Optional<String> variable = string(variableKey);
    if (variable.isPresent()) {
      return Optional.of(new Password(present(variable.get()).orElseThrow(() -> fault(where(variableKey)
          + " names the environment variable " + variable.get() + ", which is not set"))));
    }
    return defaultVariables.stream().map(this::present).flatMap(Optional::stream)
        .findFirst().map(Password::new);
  }

  private ConnectOptions connectOptions() {
    if (provider == ProviderType.FALLBACK) {
      return new ConnectOptions(config.getInt(MAX_RETRY_PER_LLM_CONFIG), retryInterval(),
          millis(ATTEMPT_TIMEOUT_MS_CONFIG));
    }
    return new ConnectOptions(config.getInt(MAX_RETRY_CONFIG), retryInterval(), millis(TIMEOUT_MS_CONFIG));
  }

  private Duration retryInterval() {
    Long configured = config.getLong(RETRY_INTERVAL_MS_CONFIG);
    long fallbackDefault = provider == ProviderType.FALLBACK
        ? DEFAULT_FALLBACK_RETRY_INTERVAL_MS
        : DEFAULT_RETRY_INTERVAL_MS;
    return Duration.ofMillis(configured != null ? configured : fallbackDefault);
  }

  /** The value of {@code key}, stripped; empty when unset or blank. */
  Optional<String> string(String key) {
    String value = config.getString(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private Duration millis(String key) {
    return Duration.ofMillis(config.getLong(key));
  }

  /** The full name of {@code key}: {@code llm.<profile>.<key>}. */
  String where(String key) {
    return PREFIX + name + "." + key;
  }

  /** The error for this profile: {@code LLM profile '<name>' (<provider>) <message>}. */
  ConfigException fault(String message) {
    return new ConfigException("LLM profile '" + name + "' (" + provider.id() + ") " + message);
  }

  /** The value of environment variable {@code variable}, stripped; empty when unset or blank. */
  Optional<String> present(String variable) {
    return ProviderEnvironment.present(environment, variable);
  }

  /** The secret {@code key}, if set. */
  Optional<Password> password(String key) {
    return Optional.ofNullable(config.getPassword(key));
  }

  /** The boolean {@code key}, if set (a setting without a default). */
  Optional<Boolean> flag(String key) {
    return Optional.ofNullable(config.getBoolean(key));
  }

  /** The number {@code key}, if set (a setting without a default). */
  Optional<Double> number(String key) {
    return Optional.ofNullable(config.getDouble(key));
  }

  /** The list {@code key}. */
  List<String> list(String key) {
    return config.getList(key);
  }
}
