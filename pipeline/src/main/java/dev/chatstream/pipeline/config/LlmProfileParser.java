package dev.chatstream.pipeline.config;

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
import static dev.chatstream.pipeline.config.LlmProfileConfig.OPTIONS_PREFIX;
import static dev.chatstream.pipeline.config.LlmProfileConfig.PREFIX;
import static dev.chatstream.pipeline.config.LlmProfileConfig.PROVIDER_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_METADATA_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_PARALLEL_TOOL_CALLS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_REASONING_EFFORT_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_STATE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_STORE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_TEMPERATURE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_TOOL_CHOICE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_USER_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_USE_WEBSOCKET_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RETRY_INTERVAL_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RETRY_ON_CHUNK_SENT_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TIMEOUT_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TOKEN_DELAY_MS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TTFT_MS_CONFIG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.ResponsesState;
import dev.chatstream.llm.tools.ToolChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Turns the {@code llm.<profile>.*} settings into validated {@link LlmProfile}s. */
final class LlmProfileParser {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final ObjectMapper JSON = Json.mapper();

  /** Common settings a provider has no use for; naming them is a mistake worth reporting. */
  private static final Map<ProviderType, Set<String>> UNUSED = Map.of(
      ProviderType.OFFLINE, Set.of(BASE_URL_CONFIG, API_KEY_CONFIG, API_KEY_ENV_CONFIG),
      ProviderType.FALLBACK, Set.of(MODEL_CONFIG, BASE_URL_CONFIG, API_KEY_CONFIG, API_KEY_ENV_CONFIG,
          MAX_RETRY_CONFIG, TIMEOUT_MS_CONFIG));

  private final Map<String, String> environment;

  private LlmProfileParser(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Parses every profile in {@code settings} and picks the default one.
   *
   * @throws ConfigException naming the profile and setting at fault
   */
  static LlmProfiles parse(Map<String, String> settings, Map<String, String> environment, String defaultName) {
    LlmProfileParser parser = new LlmProfileParser(environment);
    Map<String, LlmProfile> profiles = new LinkedHashMap<>();
    group(settings).forEach((name, profileSettings) -> profiles.put(name, parser.profile(name, profileSettings)));
    LlmProfile defaultProfile = profiles.get(defaultName);
    boolean implicit = defaultProfile == null;
    if (implicit) {
      defaultProfile = parser.implicitDefault(defaultName, profiles);
    }
    Map<String, LlmProfile> all = new LinkedHashMap<>(profiles);
    all.putIfAbsent(defaultProfile.name(), defaultProfile);
    FallbackGraph.check(all);
    return new LlmProfiles(profiles, defaultProfile, implicit);
  }

  private static Map<String, Map<String, String>> group(Map<String, String> settings) {
    Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();
    settings.forEach((key, value) -> {
      if (!key.startsWith(PREFIX)) {
        return;
      }
      String rest = key.substring(PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw new ConfigException("Setting " + key + " names no LLM profile setting; expected "
            + PREFIX + "<profile>.<setting>, e.g. " + PREFIX + "default.model");
      }
      String name = rest.substring(0, dot);
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException("Setting " + key + ": an LLM profile name holds only letters, digits, '_' "
            + "and '-'");
      }
      byProfile.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
    });
    return byProfile;
  }

  private LlmProfile implicitDefault(String defaultName, Map<String, LlmProfile> configured) {
    if (!defaultName.equals(LlmProfiles.DEFAULT_NAME)) {
      throw new ConfigException(ChatstreamConfig.DEFAULT_LLM_CONFIG + " names LLM profile '" + defaultName
          + "', which is not configured (configured profiles: "
          + (configured.isEmpty() ? "none" : String.join(", ", configured.keySet())) + ")");
    }
    if (present(ProviderEnvironment.OPENAI_API_KEY).isPresent()) {
      return profile(defaultName, Map.of());
    }
    return LlmProfile.offline(defaultName);
  }

  private LlmProfile profile(String name, Map<String, String> settings) {
    Map<String, Object> options = new LinkedHashMap<>();
    Map<String, String> declared = new LinkedHashMap<>();
    settings.forEach((key, value) -> {
      if (key.startsWith(OPTIONS_PREFIX) && key.length() > OPTIONS_PREFIX.length()) {
        options.put(key.substring(OPTIONS_PREFIX.length()), parseOption(value));
      } else if (LlmProfileConfig.configDef().names().contains(key)) {
        declared.put(key, value);
      } else {
        throw new ConfigException("Unknown LLM profile setting " + PREFIX + name + "." + key + "; known: "
            + String.join(", ", LlmProfileConfig.configDef().names()) + ", " + OPTIONS_PREFIX + "<option>");
      }
    });
    LlmProfileConfig config = parseSettings(name, declared);
    ProviderType provider = ProviderType.fromId(config.getString(PROVIDER_CONFIG)).orElseThrow();
    checkApplicable(name, provider, declared.keySet(), options);
    return new ProfileReader(name, provider, config).read(options);
  }

  private static LlmProfileConfig parseSettings(String name, Map<String, String> declared) {
    try {
      return new LlmProfileConfig(declared);
    } catch (ConfigException e) {
      throw new ConfigException("LLM profile '" + name + "' (" + PREFIX + name + ".*): " + e.getMessage());
    }
  }

  private static void checkApplicable(String name, ProviderType provider, Set<String> keys,
      Map<String, Object> options) {
    for (String key : keys) {
      ProviderType owner = LlmProfileConfig.PROVIDER_SPECIFIC.get(key);
      if (owner != null && owner != provider || UNUSED.getOrDefault(provider, Set.of()).contains(key)) {
        throw new ConfigException(PREFIX + name + "." + key + " does not apply to " + provider.id()
            + " profiles" + (owner == null ? "" : "; it is a " + owner.id() + " setting"));
      }
    }
    if (provider == ProviderType.FALLBACK && !options.isEmpty()) {
      throw new ConfigException(PREFIX + name + "." + OPTIONS_PREFIX + "* do not apply to fallback profiles; "
          + "set options on the member profiles");
    }
  }

  private static Object parseOption(String value) {
    try {
      return JSON.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private Optional<String> present(String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Reads one parsed profile, resolving credentials and endpoints from the environment. */
  private final class ProfileReader {
    private final String name;
    private final ProviderType provider;
    private final LlmProfileConfig config;

    ProfileReader(String name, ProviderType provider, LlmProfileConfig config) {
      this.name = name;
      this.provider = provider;
      this.config = config;
    }

    LlmProfile read(Map<String, Object> options) {
      ProviderSettings settings = settings();
      return new LlmProfile(name, model(settings), baseUrl(), secret(API_KEY_CONFIG, API_KEY_ENV_CONFIG,
          ProviderEnvironment.apiKeyVariables(provider)), options, connectOptions(), settings);
    }

    private ProviderSettings settings() {
      return switch (provider) {
        case OPENAI -> new ProviderSettings.OpenAi();
        case OPENAI_RESPONSES -> responses();
        case AZURE -> new ProviderSettings.Azure(string(AZURE_DEPLOYMENT_CONFIG),
            string(AZURE_API_VERSION_CONFIG).or(() -> present(ProviderEnvironment.AZURE_API_VERSION)));
        case LIVEKIT_INFERENCE -> new ProviderSettings.LiveKitInference(string(LIVEKIT_PROVIDER_CONFIG),
            secret(API_SECRET_CONFIG, API_SECRET_ENV_CONFIG, ProviderEnvironment.apiSecretVariables(provider)));
        case OFFLINE -> new ProviderSettings.Offline(millis(TTFT_MS_CONFIG), millis(TOKEN_DELAY_MS_CONFIG));
        case FALLBACK -> fallback();
      };
    }

    private ProviderSettings.OpenAiResponses responses() {
      ResponsesState state = ResponsesState.fromId(config.getString(RESPONSES_STATE_CONFIG));
      Optional<Boolean> store = Optional.ofNullable(config.getBoolean(RESPONSES_STORE_CONFIG));
      if (state == ResponsesState.CONVERSATION && store.equals(Optional.of(false))) {
        throw fault(where(RESPONSES_STATE_CONFIG) + "=conversation keeps the conversation on the provider, which "
            + "needs " + where(RESPONSES_STORE_CONFIG) + " to be true or unset");
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      for (String pair : config.getList(RESPONSES_METADATA_CONFIG)) {
        int equals = pair.indexOf('=');
        metadata.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
      return new ProviderSettings.OpenAiResponses(config.getBoolean(RESPONSES_USE_WEBSOCKET_CONFIG), state, store,
          string(RESPONSES_USER_CONFIG), Optional.ofNullable(config.getDouble(RESPONSES_TEMPERATURE_CONFIG)),
          Optional.ofNullable(config.getBoolean(RESPONSES_PARALLEL_TOOL_CALLS_CONFIG)),
          string(RESPONSES_REASONING_EFFORT_CONFIG), string(RESPONSES_TOOL_CHOICE_CONFIG).map(ToolChoice::parse),
          metadata);
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
      Optional<String> fromEnvironment = variable.flatMap(LlmProfileParser.this::present);
      fromEnvironment.ifPresent(url -> Validators.url().ensureValid(variable.get(), url));
      if (provider == ProviderType.AZURE && fromEnvironment.isEmpty()) {
        throw fault("needs " + where(BASE_URL_CONFIG) + " or AZURE_OPENAI_ENDPOINT (the Azure endpoint)");
      }
      return fromEnvironment;
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
      return defaultVariables.stream().map(LlmProfileParser.this::present).flatMap(Optional::stream)
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

    private Optional<String> string(String key) {
      String value = config.getString(key);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private Duration millis(String key) {
      return Duration.ofMillis(config.getLong(key));
    }

    private String where(String key) {
      return PREFIX + name + "." + key;
    }

    private ConfigException fault(String message) {
      return new ConfigException("LLM profile '" + name + "' (" + provider.id() + ") " + message);
    }
  }
}
