package dev.chatstream.schemas.internal;

import dev.chatstream.schemas.EventDecodingException;
import dev.chatstream.schemas.EventDecodingException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** The 10-byte header of Avro single-object encoding: marker {@code C3 01}, then a little-endian fingerprint. */
final class SingleObjectHeader {

  static final int LENGTH = 10;

  private SingleObjectHeader() {}

  /**
   * The schema fingerprint a payload names.
   *
   * @throws EventDecodingException (MALFORMED) when the payload has no valid header
   */
  static long fingerprint(byte[] payload) {
    if (payload.length < LENGTH) {
      throw new EventDecodingException(Reason.MALFORMED, "payload of " + payload.length
          + " bytes is shorter than the " + LENGTH + "-byte Avro single-object header");
    }
    if (payload[0] != (byte) 0xC3 || payload[1] != (byte) 0x01) {
      throw new EventDecodingException(Reason.MALFORMED, "payload does not start with the Avro"
          + " single-object marker C3 01 (found " + HexFormat.of().withUpperCase().formatHex(payload, 0, 2) + ")");
    }
    return ByteBuffer.wrap(payload, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** A fingerprint as its header bytes in hex, as a dump of the payload shows them. */
  static String hex(long fingerprint) {
    byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array();
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
