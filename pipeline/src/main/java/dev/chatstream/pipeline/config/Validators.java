package dev.chatstream.pipeline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The validators the configuration declarations share. */
final class Validators {

  private static final Pattern TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]*");
  private static final Pattern REGION_CHARS = Pattern.compile("[a-z0-9-]+");
  private static final Pattern HOST_CHARS = Pattern.compile("[a-zA-Z0-9._-]*");

  private Validators() {}

  static ConfigDef.Validator provider() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value == null || ProviderType.fromId(value.toString()).isEmpty()) {
        throw new ConfigException(name, value, "unknown provider; expected one of "
            + String.join(", ", ProviderType.ids()));
      }
    }, () -> String.join(", ", ProviderType.ids()));
  }

  static ConfigDef.Validator nullOrAtLeast(long min) {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value != null && ((Number) value).longValue() < min) {
        throw new ConfigException(name, value, "must be at least " + min);
      }
    }, () -> "[" + min + ",...] or unset");
  }

  static ConfigDef.Validator nullOrBetween(double min, double max) {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value != null && (((Number) value).doubleValue() < min || ((Number) value).doubleValue() > max)) {
        throw new ConfigException(name, value, "must be between " + min + " and " + max);
      }
    }, () -> "[" + min + ",...," + max + "] or unset");
  }

  static ConfigDef.Validator keyValuePairs() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      for (Object pair : (List<?>) value) {
        int equals = pair.toString().indexOf('=');
        if (equals <= 0) {
          throw new ConfigException(name, value, "each entry must be key=value");
        }
      }
    }, () -> "key=value,...");
  }

  static ConfigDef.Validator url() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value == null) {
        return;
      }
      try {
        URI uri = new URI(value.toString());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new ConfigException(name, value, "must be an http:// or https:// URL");
        }
      } catch (URISyntaxException e) {
        throw new ConfigException(name, value, "must be an http:// or https:// URL");
      }
    }, () -> "an http(s) URL");
  }

  /** A cloud region or location name, such as {@code us-east-1}: it goes into host names and signatures. */
  static ConfigDef.Validator regionName() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value != null && !REGION_CHARS.matcher(value.toString()).matches()) {
        throw new ConfigException(name, value, "a region name holds only lower-case letters, digits and '-'");
      }
    }, () -> "a region name such as us-east-1, or unset");
  }

  /** A host name or address, or empty: it goes into Kafka Streams' application.server and into URLs. */
  static ConfigDef.Validator hostName() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value == null || !HOST_CHARS.matcher(value.toString().strip()).matches()) {
        throw new ConfigException(name, value, "a host name holds only letters, digits, '.', '_' and '-'");
      }
    }, () -> "a host name or address, or empty");
  }

  static ConfigDef.Validator topicPrefix() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value == null || !TOPIC_CHARS.matcher(value.toString()).matches()) {
        throw new ConfigException(name, value, "topic names may hold only letters, digits, '.', '_' and '-'");
      }
    }, () -> "letters, digits, '.', '_', '-'");
  }

  /** Accepts the empty string (the setting's fallback applies), else what {@code validator} accepts. */
  static ConfigDef.Validator emptyOr(ConfigDef.Validator validator) {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value != null && !value.toString().isEmpty()) {
        validator.ensureValid(name, value);
      }
    }, () -> "empty, or " + validator);
  }
}
