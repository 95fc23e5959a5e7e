package dev.chatstream.llm.internal.http;

import java.util.Objects;

/**
 * One server-sent event.
 *
 * @param id the last event id seen, or null
 * @param type the {@code event:} field, or null when the event has none (a {@code message})
 * @param data the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String id, String type, String data) {

  /** @throws NullPointerException when data is null */
  public SseEvent {
    Objects.requireNonNull(data, "event data must not be null");
  }
}
