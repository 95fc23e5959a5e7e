package dev.chatstream.pipeline.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where a {@link ChatstreamConfig} comes from, merged in rising precedence: the defaults, a properties
 * file, the environment, then overrides (the command line's).
 *
 * <pre>{@code
 * ChatstreamConfig config = ChatstreamConfig.sources()
 *     .file(Path.of("chatstream.properties"))
 *     .override("topic.prefix", "test.")
 *     .load();
 * }</pre>
 */
public final class ConfigSources {

  private Path file;
  private Map<String, String> environment = System.getenv();
  private final Map<String, String> overrides = new LinkedHashMap<>();

  ConfigSources() {}

  /** A properties file (UTF-8) to read; it must exist. */
  public ConfigSources file(Path propertiesFile) {
    this.file = Objects.requireNonNull(propertiesFile, "propertiesFile");
    return this;
  }

  /**
   * The environment to read {@code CHATSTREAM_*} settings and provider credentials from; the process's
   * own by default.
   */
  public ConfigSources environment(Map<String, String> variables) {
    this.environment = Map.copyOf(variables);
    return this;
  }

  /** A setting that wins over every other source. */
  public ConfigSources override(String key, String value) {
    overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Settings that win over every other source. */
  public ConfigSources overrides(Map<String, String> settings) {
    settings.forEach(this::override);
    return this;
  }

  /**
   * Reads and merges the sources and validates the result.
   *
   * @throws ConfigException when the file cannot be read, a key is unknown, or a value is invalid
   */
  public ChatstreamConfig load() {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    if (file != null) {
      readFile().forEach((key, value) -> {
        checkKnown(key, "in " + file);
        settings.put(key, value);
        origins.put(key, "file " + file);
      });
    }
    for (EnvironmentSettings.Entry entry : EnvironmentSettings.read(environment)) {
      settings.put(entry.key(), entry.value());
      origins.put(entry.key(), "environment " + entry.variable());
    }
    overrides.forEach((key, value) -> {
      checkKnown(key, "in the overrides");
      settings.put(key, value);
      origins.put(key, "override");
    });
    return new ChatstreamConfig(settings, origins, environment);
  }

  private Map<String, String> readFile() {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("Configuration file " + file + " does not exist");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> read = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> read.put(key.strip(), properties.getProperty(key).strip()));
    return read;
  }

  private static void checkKnown(String key, String where) {
    Set<String> declared = ChatstreamConfig.configDef().names();
    boolean known = declared.contains(key)
        || key.startsWith(LlmProfileConfig.PREFIX)
        || key.startsWith(ChatstreamConfig.KAFKA_PREFIX) && key.length() > ChatstreamConfig.KAFKA_PREFIX.length();
    if (!known) {
      throw new ConfigException("Unknown setting '" + key + "' " + where + "; chatstream settings are "
          + String.join(", ", new TreeSet<>(declared))
          + ", llm.<profile>.<setting> and kafka.<client setting>");
    }
  }
}
