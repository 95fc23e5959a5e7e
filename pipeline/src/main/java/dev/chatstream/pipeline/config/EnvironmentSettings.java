package dev.chatstream.pipeline.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Maps {@code CHATSTREAM_*} environment variables to setting keys: {@code CHATSTREAM_} + the key in upper
 * case with {@code _} for {@code .} and {@code -}. {@code CHATSTREAM_LLM_<PROFILE>_<SETTING>} sets a
 * profile setting (profile names read in lower case; {@code CHATSTREAM_LLM_<PROFILE>_OPTIONS_<OPTION>}
 * an option, kept with its underscores), {@code CHATSTREAM_KAFKA_<SETTING>} a Kafka client setting
 * ({@code _} read as {@code .}). Other {@code CHATSTREAM_} variables are not settings and are ignored.
 */
final class EnvironmentSettings {

  static final String PREFIX = "CHATSTREAM_";
  private static final String LLM_PREFIX = PREFIX + "LLM_";
  private static final String KAFKA_PREFIX = PREFIX + "KAFKA_";
  private static final String OPTIONS_INFIX = "_OPTIONS_";

  /** One setting taken from the environment. */
  record Entry(String key, String variable, String value) {}

  private EnvironmentSettings() {}

  /** The variable that sets {@code key}. */
  static String variableOf(String key) {
    return PREFIX + upper(key);
  }

  /**
   * The settings named by {@code environment}, by variable name order.
   *
   * @throws ConfigException for a {@code CHATSTREAM_LLM_} variable that names no profile setting
   */
  static List<Entry> read(Map<String, String> environment) {
    Map<String, String> declared = new TreeMap<>();
    ChatstreamConfig.configDef().names().forEach(key -> declared.put(variableOf(key), key));
    List<Entry> entries = new ArrayList<>();
    new TreeMap<>(environment).forEach((variable, value) -> {
      Optional<String> key = declared.containsKey(variable)
          ? Optional.of(declared.get(variable))
          : undeclaredKey(variable);
      key.ifPresent(k -> entries.add(new Entry(k, variable, value)));
    });
    return entries;
  }

  private static Optional<String> undeclaredKey(String variable) {
    if (variable.startsWith(LLM_PREFIX)) {
      return Optional.of(profileKey(variable, variable.substring(LLM_PREFIX.length())));
    }
    if (variable.startsWith(KAFKA_PREFIX) && variable.length() > KAFKA_PREFIX.length()) {
      return Optional.of(ChatstreamConfig.KAFKA_PREFIX
          + variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
    }
    return Optional.empty();
  }

  private static String profileKey(String variable, String rest) {
    int options = rest.indexOf(OPTIONS_INFIX);
    if (options > 0 && rest.length() > options + OPTIONS_INFIX.length()) {
      return LlmProfileConfig.PREFIX + lower(rest.substring(0, options)) + "." + LlmProfileConfig.OPTIONS_PREFIX
          + lower(rest.substring(options + OPTIONS_INFIX.length()));
    }
    List<String> settings = new ArrayList<>(LlmProfileConfig.configDef().names());
    settings.sort(Comparator.comparingInt(String::length).reversed());
    for (String setting : settings) {
      String suffix = "_" + upper(setting);
      if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
        return LlmProfileConfig.PREFIX + lower(rest.substring(0, rest.length() - suffix.length())) + "." + setting;
      }
    }
    throw new ConfigException("Environment variable " + variable + " names no LLM profile setting; expected "
        + LLM_PREFIX + "<PROFILE>_<SETTING>, e.g. " + LLM_PREFIX + "DEFAULT_MODEL");
  }

  private static String upper(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String lower(String part) {
    return part.toLowerCase(Locale.ROOT);
  }
}
