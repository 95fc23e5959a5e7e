package dev.chatstream.drills;

import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chatstream application under drill: the settings every instance of it shares (application id,
 * topic prefix, guarantee, the offline provider's pacing, HTTP on a free loopback port), and the
 * settings of one instance on top ({@link #instance}).
 */
final class DrillApplication {
  private final Map<String, String> settings;

  private DrillApplication(Map<String, String> settings) {
    this.settings = settings;
  }

  /**
   * An application named {@code name} (its id and topic prefix), under {@code guarantee}, its
   * default profile the offline provider paced to {@code ttftMs} and {@code tokenDelayMs}.
   */
  static DrillApplication of(String name, String guarantee, long ttftMs, long tokenDelayMs) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(ChatstreamConfig.APPLICATION_ID_CONFIG, "drill-" + name);
    settings.put(ChatstreamConfig.TOPIC_PREFIX_CONFIG, "drill." + name + ".");
    settings.put(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    settings.put(ChatstreamConfig.HTTP_HOST_CONFIG, "localhost");
    settings.put(ChatstreamConfig.HTTP_PORT_CONFIG, "0");
    settings.put(ChatstreamConfig.METRICS_JMX_ENABLED_CONFIG, "false");
    // a killed instance never leaves its group: its partitions wait this long for their next owner
    settings.put("kafka.session.timeout.ms", "10000");
    settings.put("kafka.heartbeat.interval.ms", "2000");
    settings.put("llm.default.provider", "offline");
    settings.put("llm.default.ttft-ms", Long.toString(ttftMs));
    settings.put("llm.default.token-delay-ms", Long.toString(tokenDelayMs));
    return new DrillApplication(settings);
  }

  /** This application with {@code key} set to {@code value} for every instance. */
  DrillApplication with(String key, String value) {
    Map<String, String> next = new LinkedHashMap<>(settings);
    next.put(key, value);
    return new DrillApplication(next);
  }

  /** This application without the offline pacing of its default profile, for a profile of another provider. */
  DrillApplication withoutOfflinePacing() {
    Map<String, String> next = new LinkedHashMap<>(settings);
    next.remove("llm.default.ttft-ms");
    next.remove("llm.default.token-delay-ms");
    return new DrillApplication(next);
  }

  String guarantee() {
    return settings.get(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG);
  }

  boolean exactlyOnce() {
    return ChatstreamConfig.EXACTLY_ONCE_V2.equals(guarantee());
  }

  String applicationId() {
    return settings.get(ChatstreamConfig.APPLICATION_ID_CONFIG);
  }

  /** The settings of an instance joining {@code bootstrapServers}, its state in {@code stateDir}. */
  Map<String, String> instance(String bootstrapServers, Path stateDir) {
    Map<String, String> instance = new LinkedHashMap<>(settings);
    instance.put(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    instance.put(ChatstreamConfig.STATE_DIR_CONFIG, stateDir.toString());
    return instance;
  }

  /** The settings of an instance that holds the embedded broker on {@code port}, its files in {@code dataDir}. */
  Map<String, String> brokerInstance(int port, Path dataDir) {
    Map<String, String> instance = new LinkedHashMap<>(settings);
    instance.put(ChatstreamConfig.EMBEDDED_BROKER_PORT_CONFIG, Integer.toString(port));
    instance.put(ChatstreamConfig.EMBEDDED_BROKER_HOST_CONFIG, "localhost");
    instance.put(ChatstreamConfig.DATA_DIR_CONFIG, dataDir.toString());
    return instance;
  }

  /** The configuration of a client of this application (the drill's producers and readers). */
  ChatstreamConfig clientConfig(String bootstrapServers) {
    Map<String, String> client = new LinkedHashMap<>(settings);
    client.keySet().removeIf(key -> key.startsWith("llm."));
    client.put(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return ChatstreamConfig.of(client);
  }

  Topics topics() {
    return Topics.withPrefix(settings.get(ChatstreamConfig.TOPIC_PREFIX_CONFIG));
  }

  /** Every setting, for a report. */
  Map<String, String> settings() {
    return Map.copyOf(settings);
  }

  /** The output topics' full names, dead letters included. */
  List<String> outputTopicNames() {
    return topics().outputs().stream().map(topic -> topic.name()).toList();
  }
}
