package dev.chatstream.pipeline.cli;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.config.ConfigSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command shares: a properties file, single settings, and the cluster to use.
 * Settings come from the defaults, the file, the environment ({@code CHATSTREAM_*}) and these
 * options, in rising precedence.
 */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of chatstream settings.")
  Path file;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Set one chatstream setting (repeatable), e.g. --set topic.prefix=demo.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
      description = "The Kafka cluster. Without it, run starts the embedded broker and the other commands "
          + "connect to it (localhost:9092 unless embedded.broker.* say otherwise).")
  String bootstrapServers;

  /** The configuration these options describe, extra overrides applied last. */
  ChatstreamConfig load(Map<String, String> extra) {
    ConfigSources sources = ChatstreamConfig.sources().environment(System.getenv());
    if (file != null) {
      sources.file(file);
    }
    sources.overrides(settings);
    if (bootstrapServers != null) {
      sources.override(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
    sources.overrides(extra);
    return sources.load();
  }

  /** The configuration, with the embedded broker's address when no cluster is named. */
  ChatstreamConfig loadForClient() {
    ChatstreamConfig config = load(Map.of());
    if (config.usesEmbeddedBroker()) {
      return config.withBootstrapServers(config.embeddedBrokerHost() + ":" + config.embeddedBrokerPort());
    }
    return config;
  }
}
