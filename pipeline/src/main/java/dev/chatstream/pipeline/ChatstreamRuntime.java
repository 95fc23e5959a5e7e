package dev.chatstream.pipeline;

import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.broker.EmbeddedKafka;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.llm.ProfileProviders;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything {@code chatstream run} starts: the embedded broker when no cluster is configured, the
 * LLM profiles' providers, and the service. Closing stops them in reverse order.
 */
public final class ChatstreamRuntime implements AutoCloseable {
  private final EmbeddedKafka broker;
  private final ChatstreamConfig config;
  private final ChatstreamService service;

  private ChatstreamRuntime(EmbeddedKafka broker, ChatstreamConfig config, ChatstreamService service) {
    this.broker = broker;
    this.config = config;
    this.service = service;
  }

  /** Starts what {@code config} asks for; providers come from its LLM profiles. */
  public static ChatstreamRuntime start(ChatstreamConfig config) {
    return start(config, null);
  }

  /** Starts what {@code config} asks for, with {@code registry} serving the LLM profiles when not null. */
  public static ChatstreamRuntime start(ChatstreamConfig config, LlmRegistry registry) {
    EmbeddedKafka broker = null;
    ChatstreamConfig effective = config;
    if (config.usesEmbeddedBroker()) {
      broker = EmbeddedKafka.builder()
          .host(config.embeddedBrokerHost())
          .port(config.embeddedBrokerPort())
          .dataDir(config.embeddedBrokerDataDir())
          .start();
      effective = config.withBootstrapServers(broker.bootstrapServers());
    }
    try {
      LlmRegistry providers = registry != null ? registry : ProfileProviders.registry(effective.llmProfiles());
      return new ChatstreamRuntime(broker, effective, ChatstreamService.start(effective, providers));
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /**
   * Waits until the streams run (tasks assigned), or fails after {@code timeout}.
   *
   * @throws IllegalStateException when the streams fail or do not run in time
   */
  public void awaitRunning(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (service.state() != KafkaStreams.State.RUNNING) {
      if (service.state() == KafkaStreams.State.ERROR || service.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("the streams stopped: " + service.state());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the streams did not start within " + timeout + " (state " + service.state() + ")");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the streams", e);
      }
    }
  }

  /** The configuration in effect, with the bootstrap servers in use. */
  public ChatstreamConfig config() {
    return config;
  }

  /** The Kafka cluster in use. */
  public String bootstrapServers() {
    return config.bootstrapServers().orElseThrow();
  }

  /** True when this runtime started the embedded broker. */
  public boolean embeddedBroker() {
    return broker != null;
  }

  /** The running service. */
  public ChatstreamService service() {
    return service;
  }

  @Override
  public void close() {
    try {
      service.close();
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
