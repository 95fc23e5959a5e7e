package dev.chatstream.llm.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces known secrets (API keys, tokens, credential header values) with {@code [redacted]} in text
 * that may reach an error event or a log, such as an error body in which a provider echoes a key.
 */
public final class SecretRedactor {

  /** What a secret is replaced with. */
  public static final String MASK = "[redacted]";

  /** Shorter strings are not treated as secrets: masking them would mangle ordinary text. */
  private static final int MIN_SECRET_LENGTH = 6;

  private static final SecretRedactor NONE = new SecretRedactor(List.of());

  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor of these secrets; null, blank and very short values are ignored. */
  public static SecretRedactor of(Collection<String> secrets) {
    return NONE.with(secrets);
  }

  /** A redactor of these secrets and this one's. */
  public SecretRedactor with(Collection<String> more) {
    List<String> all = new ArrayList<>(secrets);
    for (String secret : more) {
      if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH && !all.contains(secret)) {
        all.add(secret);
      }
    }
    // longest first, so a secret that contains another is masked whole
    all.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretRedactor(List.copyOf(all));
  }

  /** {@code text} with every secret masked; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
