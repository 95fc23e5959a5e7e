package dev.chatstream.llm.internal.stream;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;

/** The request headers that carry credentials, whose values must never reach an error or a log. */
public final class CredentialHeaders {

  /** Every header a connector authenticates with. */
  public static final List<String> NAMES =
      List.of("Authorization", "api-key", "x-api-key", "x-goog-api-key", "X-Amz-Security-Token");

  private static final String BEARER = "Bearer ";

  private CredentialHeaders() {}

  /** The credential values of {@code request}: whole header values, and a bearer token alone. */
  public static List<String> values(Request request) {
    List<String> secrets = new ArrayList<>();
    for (String name : NAMES) {
      for (String value : request.headers(name)) {
        secrets.add(value);
        if (value.startsWith(BEARER)) {
          secrets.add(value.substring(BEARER.length()));
        }
      }
    }
    return secrets;
  }
}
