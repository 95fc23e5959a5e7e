package dev.chatstream.pipeline.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/** The text of {@link ChatstreamConfig#describe()}: every effective setting and where it came from. */
final class ConfigDescription {

  private static final String HIDDEN = new Password("").toString();
  private static final Pattern SECRET_CLIENT_SETTING =
      Pattern.compile(".*(password|secret|jaas|token|credential|user\\.info).*|.*\\.key");

  private ConfigDescription() {}

  static String of(ChatstreamConfig config, ConfigDef def, Map<String, String> settings,
      Map<String, String> origins) {
    StringBuilder text = new StringBuilder("chatstream configuration:\n");
    new TreeMap<>(def.configKeys()).forEach((key, declared) ->
        line(text, key, effective(config, key), origins.getOrDefault(key, "default")));
    text.append("LLM profiles:\n");
    ConfigDef profileDef = LlmProfileConfig.configDef();
    new TreeMap<>(settings).forEach((key, value) -> {
      if (key.startsWith(LlmProfileConfig.PREFIX)) {
        String setting = key.substring(key.indexOf('.', LlmProfileConfig.PREFIX.length()) + 1);
        ConfigDef.ConfigKey declared = profileDef.configKeys().get(setting);
        boolean secret = declared != null && declared.type == ConfigDef.Type.PASSWORD;
        line(text, key, secret ? HIDDEN : value, origins.get(key));
      }
    });
    LlmProfiles profiles = config.llmProfiles();
    profiles.all().forEach(profile -> text.append("  profile ").append(profile.summary()).append('\n'));
    text.append("  ").append(profiles.describeDefault()).append('\n');
    text.append("Kafka client settings:\n");
    new TreeMap<>(settings).forEach((key, value) -> {
      if (key.startsWith(ChatstreamConfig.KAFKA_PREFIX)) {
        boolean secret = SECRET_CLIENT_SETTING.matcher(key.toLowerCase(Locale.ROOT)).matches();
        line(text, key, secret ? HIDDEN : value, origins.get(key));
      }
    });
    return text.toString();
  }

  private static String effective(ChatstreamConfig config, String key) {
    return switch (key) {
      case ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG -> config.bootstrapServers()
          .orElse("(none: embedded broker on " + config.embeddedBrokerHost() + ":" + config.embeddedBrokerPort()
              + ")");
      case ChatstreamConfig.STATE_DIR_CONFIG -> config.stateDir().toString();
      case ChatstreamConfig.COMMIT_INTERVAL_MS_CONFIG -> Long.toString(config.commitInterval().toMillis());
      case ChatstreamConfig.SERDE_REGISTRY_CLASS_CONFIG -> config.serdeRegistryClass().map(Class::getName)
          .orElse("(none)");
      default -> String.valueOf(config.values().get(key));
    };
  }

  private static void line(StringBuilder text, String key, String value, String origin) {
    text.append("  ").append(key).append(" = ").append(value).append("  (").append(origin).append(")\n");
  }
}
