package dev.chatstream.pipeline.config;

import static dev.chatstream.pipeline.config.LlmProfileConfig.API_KEY_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.API_KEY_ENV_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BASE_URL_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.MAX_RETRY_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.MODEL_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.OPTIONS_PREFIX;
import static dev.chatstream.pipeline.config.LlmProfileConfig.PREFIX;
import static dev.chatstream.pipeline.config.LlmProfileConfig.PROVIDER_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.TIMEOUT_MS_CONFIG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/** Turns the {@code llm.<profile>.*} settings into validated {@link LlmProfile}s. */
final class LlmProfileParser {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final ObjectMapper JSON = Json.mapper();

  /** Common settings a provider has no use for; naming them is a mistake worth reporting. */
  private static final Map<ProviderType, Set<String>> UNUSED = Map.of(
      ProviderType.OFFLINE, Set.of(BASE_URL_CONFIG, API_KEY_CONFIG, API_KEY_ENV_CONFIG),
      ProviderType.BEDROCK, Set.of(API_KEY_CONFIG, API_KEY_ENV_CONFIG),
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
    return new ProfileReader(name, provider, config, environment).read(options);
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
            + " profiles" + (owner == null ? "" : "; only " + owner.id() + " profiles take it"));
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
    return ProviderEnvironment.present(environment, variable);
  }
}
