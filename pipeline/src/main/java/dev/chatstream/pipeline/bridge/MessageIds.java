package dev.chatstream.pipeline.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of a reply's assistant message, derived from its conversation and request id so that
 * every attempt of a request, and every replay of the log, names its items alike: an item that
 * arrives twice is recognised by its id and kept once.
 */
final class MessageIds {
  private MessageIds() {}

  static String forRequest(String conversationId, String requestId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(conversationId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(requestId.getBytes(StandardCharsets.UTF_8));
      return "item_" + HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
