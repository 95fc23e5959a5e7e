/**
 * The serde of chatstream's events: the Avro classes generated from the schemas under
 * {@code dev.chatstream.events} turned into Kafka record values and back.
 *
 * <p>{@link dev.chatstream.schemas.EventSerdes} returns a {@link org.apache.kafka.common.serialization.Serde}
 * for one event class, or for a topic that carries several; {@link dev.chatstream.schemas.EventSerdeConfig}
 * chooses between Avro single-object encoding (the default, no registry needed) and a registry-backed
 * serde the user supplies. A value that cannot be decoded raises
 * {@link dev.chatstream.schemas.EventDecodingException} with a {@link dev.chatstream.schemas.EventDecodingException.Reason}.
 */
package dev.chatstream.schemas;
