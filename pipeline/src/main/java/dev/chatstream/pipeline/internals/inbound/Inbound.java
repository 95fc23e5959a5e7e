package dev.chatstream.pipeline.internals.inbound;

import java.util.Objects;

/**
 * A decoded input record on its way to the conversation processor: the command and the bytes it
 * came from (kept so a record rejected later still reaches the dead-letter topic unchanged).
 *
 * @param command what to do
 * @param raw the record value as it arrived
 */
public record Inbound(Command command, byte[] raw) {

  /** Validates. */
  public Inbound {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(raw, "raw");
  }
}
