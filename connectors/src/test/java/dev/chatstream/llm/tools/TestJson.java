package dev.chatstream.llm.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON literals for tests. */
public final class TestJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {}

  /** Parses {@code json}, which must be valid. */
  public static JsonNode json(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad test JSON: " + json, e);
    }
  }

  /** Parses {@code json}, which must be an object. */
  public static ObjectNode object(String json) {
    return (ObjectNode) json(json);
  }
}
