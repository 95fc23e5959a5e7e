package dev.chatstream.llm.internal.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extra options as request body fields: the provider's own options, overridden by the request's, each
 * written as JSON; a field the connector sets itself cannot be overridden.
 */
public final class BodyFields {

  private BodyFields() {}

  /** The provider's options with the request's laid over them, in order. */
  public static Map<String, Object> merged(Map<String, Object> providerOptions, Map<String, Object> requestOptions) {
    Map<String, Object> merged = new LinkedHashMap<>(providerOptions);
    merged.putAll(requestOptions);
    return merged;
  }

  /**
   * Writes {@code options} into {@code body}.
   *
   * @throws IllegalArgumentException when an option names one of {@code reserved}
   */
  public static void put(ObjectNode body, Map<String, Object> options, Set<String> reserved) {
    options.forEach((name, value) -> {
      if (reserved.contains(name)) {
        throw new IllegalArgumentException(
            "extra option '" + name + "' is set by the connector and cannot be overridden");
      }
      body.set(name, Json.mapper().valueToTree(value));
    });
  }
}
