package dev.chatstream.llm.tools.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Resolves local {@code $ref} pointers ({@code #/$defs/Name}) against the root of a schema. */
public final class SchemaRefs {
  private SchemaRefs() {}

  /**
   * A copy of the schema {@code ref} points to inside {@code root}.
   *
   * @param where the location of the reference, for error messages
   * @throws IllegalArgumentException when the reference is not a local JSON pointer, does not resolve,
   *     or points to something other than a schema object
   */
  public static ObjectNode resolve(ObjectNode root, JsonNode ref, String where) {
    if (!ref.isTextual()) {
      throw new IllegalArgumentException("$ref at " + where + " must be a string, was " + ref.getNodeType());
    }
    String pointer = ref.asText();
    if (!pointer.equals("#") && !pointer.startsWith("#/")) {
      throw new IllegalArgumentException(
          "$ref '" + pointer + "' at " + where + " is not a local reference (expected '#/...')");
    }
    JsonNode target;
    try {
      target = root.at(JsonPointer.compile(pointer.substring(1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("$ref '" + pointer + "' at " + where + " is not a valid JSON pointer", e);
    }
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("$ref '" + pointer + "' at " + where + " does not resolve");
    }
    if (!(target instanceof ObjectNode schema)) {
      throw new IllegalArgumentException(
          "$ref '" + pointer + "' at " + where + " resolves to " + target.getNodeType() + ", not a schema object");
    }
    return schema.deepCopy();
  }
}
