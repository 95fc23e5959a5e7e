package dev.chatstream.schemas;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Chooses how events are serialized. Every other property given alongside is passed through, untouched,
 * to a registry serde's {@code configure}, so its own settings (registry URL, credentials, ...) go in the
 * same map.
 */
public final class EventSerdeConfig extends AbstractConfig {

  /** Avro single-object encoding: the default, decodable by any Avro reader with the schemas. */
  public static final String SINGLE_OBJECT = "single-object";
  /** A user-supplied registry-backed serde, named by {@link #REGISTRY_SERDE_CLASS_CONFIG}. */
  public static final String REGISTRY = "registry";

  /** The serialization to use. */
  public static final String SERDE_CONFIG = "chatstream.serde";
  /** Documentation of {@link #SERDE_CONFIG}. */
  public static final String SERDE_DOC = "How event values are serialized: '" + SINGLE_OBJECT
      + "' writes Avro single-object encoding (a 2-byte marker, the schema's 8-byte fingerprint, the Avro"
      + " binary body) and needs no registry; '" + REGISTRY + "' uses the serde class named by "
      + "chatstream.serde.registry.class, configured with all the given properties.";

  /** The registry serde class. */
  public static final String REGISTRY_SERDE_CLASS_CONFIG = "chatstream.serde.registry.class";
  /** Documentation of {@link #REGISTRY_SERDE_CLASS_CONFIG}. */
  public static final String REGISTRY_SERDE_CLASS_DOC = "With chatstream.serde=" + REGISTRY + ", a class"
      + " implementing org.apache.kafka.common.serialization.Serde with a public no-argument constructor,"
      + " such as Apicurio's io.apicurio.registry.serde.avro.AvroSerde. It must return the generated event"
      + " classes, not generic records.";

  private static final ConfigDef CONFIG = new ConfigDef()
      .define(SERDE_CONFIG, Type.STRING, SINGLE_OBJECT, ValidString.in(SINGLE_OBJECT, REGISTRY),
          Importance.HIGH, SERDE_DOC)
      .define(REGISTRY_SERDE_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM, REGISTRY_SERDE_CLASS_DOC);

  /**
   * Parses and validates; the values are never logged.
   *
   * @throws ConfigException when a value is invalid, the registry serde class is missing in registry
   *     mode, or it does not implement {@link Serde}
   */
  public EventSerdeConfig(Map<String, ?> props) {
    super(CONFIG, props, false);
    if (usesRegistry()) {
      Class<?> serdeClass = getClass(REGISTRY_SERDE_CLASS_CONFIG);
      if (serdeClass == null) {
        throw new ConfigException(REGISTRY_SERDE_CLASS_CONFIG + " must name a Serde class when "
            + SERDE_CONFIG + "=" + REGISTRY);
      }
      if (!Serde.class.isAssignableFrom(serdeClass)) {
        throw new ConfigException(REGISTRY_SERDE_CLASS_CONFIG, serdeClass.getName(),
            "must implement " + Serde.class.getName());
      }
    }
  }

  /** A copy of the definition of these settings, to document or extend. */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG);
  }

  /** True when {@link #SERDE_CONFIG} is {@link #REGISTRY}. */
  public boolean usesRegistry() {
    return REGISTRY.equals(getString(SERDE_CONFIG));
  }

  /** The registry serde class, or null in single-object mode. */
  public Class<?> registrySerdeClass() {
    return usesRegistry() ? getClass(REGISTRY_SERDE_CLASS_CONFIG) : null;
  }
}
