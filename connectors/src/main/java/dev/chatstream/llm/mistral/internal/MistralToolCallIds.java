package dev.chatstream.llm.mistral.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Mistral accepts only tool-call ids of nine letters and digits, the ids it makes itself. Such an id
 * is sent as it is; any other (a call another provider made, in a fallback or a switched profile) is
 * sent as nine letters and digits derived from it, the same every time, so a call and its output still
 * pair up.
 */
final class MistralToolCallIds {

  private static final Pattern MISTRAL_ID = Pattern.compile("[A-Za-z0-9]{9}");
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static final int LENGTH = 9;

  private MistralToolCallIds() {}

  /** The id Mistral is sent for {@code callId}. */
  static String of(String callId) {
    if (MISTRAL_ID.matcher(callId).matches()) {
      return callId;
    }
    byte[] digest = sha256(callId);
    StringBuilder id = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
    }
    return id.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
