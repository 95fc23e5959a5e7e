package dev.chatstream.llm.mistral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.internal.retry.ErrorDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Mistral's error bodies: {@code {"object": "error", "message", "type", "param", "code"}}, whose
 * {@code message} may itself be an object holding a validation {@code detail} list; a bare
 * {@code {"detail": [...]}} or {@code {"message": "Unauthorized"}} from the gateway. The HTTP status
 * decides retryability (429 and 5xx retryable; 400, 401, 403, 404 and 422 final).
 */
public final class MistralErrors {

  /** The readable detail of a Mistral error body. */
  public static final ErrorDialect DIALECT = (headers, body) -> {
    JsonNode message = body.path("message");
    if (message.isTextual()) {
      return message.asText();
    }
    JsonNode detail = message.isObject() ? message.path("detail") : body.path("detail");
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray() && !detail.isEmpty()) {
      return validationErrors(detail);
    }
    return ErrorDialect.DEFAULT.detail(headers, body);
  };

  private MistralErrors() {}

  private static String validationErrors(JsonNode detail) {
    List<String> problems = new ArrayList<>();
    for (JsonNode problem : detail) {
      List<String> location = new ArrayList<>();
      problem.path("loc").forEach(part -> location.add(part.asText()));
      String where = String.join(".", location);
      String what = problem.path("msg").asText("invalid");
      problems.add(where.isEmpty() ? what : where + ": " + what);
    }
    return String.join("; ", problems);
  }
}
