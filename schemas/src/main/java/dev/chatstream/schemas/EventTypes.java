package dev.chatstream.schemas;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.ReprocessResult;
import dev.chatstream.schemas.internal.TrustedClasses;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events that travel as Kafka record values: the input {@link ConversationEvent} and the outputs.
 * Every other generated class is a part of one of them. Each event keeps the schemas of its released
 * versions, so a payload written with any of them still decodes.
 */
public final class EventTypes {

  private static final List<Class<? extends SpecificRecord>> ALL = List.of(
      ConversationEvent.class,
      ChatChunk.class,
      FunctionCallEvent.class,
      LLMError.class,
      LLMMetrics.class,
      AvailabilityChanged.class,
      ReplyCompleted.class,
      ReprocessResult.class);

  private EventTypes() {}

  /**
   * Lets Avro build and decode every generated class of the events. Avro 1.12 creates only classes
   * its global {@code ClassSecurityValidator} trusts, builders included; the serdes call this
   * themselves, and code that builds events before creating a serde calls it first. Idempotent.
   */
  public static void trustGeneratedClasses() {
    TrustedClasses.trustClasses(ALL);
  }

  /** Every event class, the input first. */
  public static List<Class<? extends SpecificRecord>> all() {
    return ALL;
  }
}
