package dev.chatstream.pipeline;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.schemas.EventSerdeConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The serde configuration of the events: {@code serde} and {@code serde.registry.class} from the
 * chatstream configuration, plus every {@code kafka.*} setting (a registry serde's own properties,
 * such as its URL, go there).
 */
public final class EventSerdeSettings {
  private EventSerdeSettings() {}

  /** The serde settings of {@code config}. */
  public static Map<String, Object> of(ChatstreamConfig config) {
    Map<String, Object> settings = new HashMap<>(config.kafkaClientSettings());
    settings.put(EventSerdeConfig.SERDE_CONFIG, config.serde());
    config.serdeRegistryClass().ifPresent(type -> settings.put(EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG, type.getName()));
    return settings;
  }
}
