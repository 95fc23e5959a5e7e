package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.tools.internal.SchemaRefs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Converts a JSON Schema to the strict dialect of OpenAI's function calling ({@code "strict": true}).
 *
 * <p>Every rule applies recursively, through {@code properties}, {@code items}, the variants of
 * {@code anyOf}/{@code oneOf}/{@code allOf} and the schemas under {@code $defs}/{@code definitions}:
 *
 * <ul>
 *   <li>an object ({@code "type": "object"}) without {@code additionalProperties} gets
 *       {@code "additionalProperties": false}; an explicit value is kept;
 *   <li>a schema with {@code properties} gets {@code required} = every property key, in order (an empty
 *       {@code properties} gives {@code "required": []}); without {@code properties} none is added;
 *   <li>empty variants ({@code {}}) are removed from unions; {@code oneOf} becomes {@code anyOf};
 *   <li>a union or {@code allOf} left with one variant is unwrapped: the variant's keywords are merged
 *       into the schema that held it (the variant's win);
 *   <li>{@code title} and {@code discriminator} are removed;
 *   <li>{@code default} is removed and the field becomes nullable, since the model must now always send
 *       it: {@code "type": "t"} becomes {@code ["t", "null"]}, a union gains a {@code {"type": "null"}}
 *       variant, and a schema with {@code enum}, a bare {@code $ref} or no type is wrapped as
 *       {@code {"anyOf": [schema, {"type": "null"}]}}; a schema with {@code const} stays as it is;
 *   <li>a {@code $ref} with sibling keywords is inlined: the referenced schema (resolved against the
 *       root's {@code $defs}/{@code definitions}) is merged under the siblings, which win, and the
 *       result is converted again. A bare {@code $ref} stays a reference.
 * </ul>
 *
 * <p>The conversion is pure: the input is never changed.
 */
public final class StrictSchema {
  private static final String ROOT_PATH = "#";

  private final ObjectNode root;

  private StrictSchema(ObjectNode root) {
    this.root = root;
  }

  /**
   * The strict form of {@code schema}.
   *
   * @throws IllegalArgumentException when a sub-schema is not a JSON object, a {@code $ref} to be
   *     inlined does not resolve or refers to itself, or a schema has both {@code anyOf} and
   *     {@code oneOf}
   */
  public static ObjectNode toStrict(ObjectNode schema) {
    Objects.requireNonNull(schema, "schema must not be null");
    return new StrictSchema(schema).convert(schema.deepCopy(), ROOT_PATH, Set.of());
  }

  private ObjectNode convert(JsonNode node, String path, Set<String> inlining) {
    if (!(node instanceof ObjectNode schema)) {
      throw new IllegalArgumentException("expected a schema object at " + path + ", was " + node.getNodeType());
    }
    convertDefinitions(schema, "$defs", path, inlining);
    convertDefinitions(schema, "definitions", path, inlining);
    if (isObjectType(schema.get("type")) && !schema.has("additionalProperties")) {
      schema.put("additionalProperties", false);
    }
    convertProperties(schema, path, inlining);
    if (schema.get("items") instanceof ObjectNode items) {
      schema.set("items", convert(items, path + "/items", inlining));
    }
    convertUnion(schema, path, inlining);
    convertAllOf(schema, path, inlining);
    schema.remove("title");
    schema.remove("discriminator");
    if (schema.remove("default") != null) {
      makeNullable(schema);
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && schema.size() > 1) {
      return inline(schema, ref, path, inlining);
    }
    return schema;
  }

  private void convertDefinitions(ObjectNode schema, String key, String path, Set<String> inlining) {
    if (schema.get(key) instanceof ObjectNode definitions) {
      for (String name : fieldNames(definitions)) {
        definitions.set(name, convert(definitions.get(name), path + "/" + key + "/" + name, inlining));
      }
    }
  }

  private void convertProperties(ObjectNode schema, String path, Set<String> inlining) {
    JsonNode node = schema.get("properties");
    if (node == null) {
      return;
    }
    if (!(node instanceof ObjectNode properties)) {
      throw new IllegalArgumentException("properties at " + path + " must be an object, was " + node.getNodeType());
    }
    ArrayNode required = schema.putArray("required");
    for (String name : fieldNames(properties)) {
      required.add(name);
      properties.set(name, convert(properties.get(name), path + "/properties/" + name, inlining));
    }
  }

  private void convertUnion(ObjectNode schema, String path, Set<String> inlining) {
    boolean anyOf = schema.has("anyOf");
    boolean oneOf = schema.has("oneOf");
    if (anyOf && oneOf) {
      throw new IllegalArgumentException(
          "schema at " + path + " has both anyOf and oneOf; strict mode can express only anyOf");
    }
    if (anyOf || oneOf) {
      String key = anyOf ? "anyOf" : "oneOf";
      convertVariants(schema, key, "anyOf", path, inlining);
    }
  }

  private void convertAllOf(ObjectNode schema, String path, Set<String> inlining) {
    if (schema.has("allOf")) {
      convertVariants(schema, "allOf", "allOf", path, inlining);
    }
  }

  /** Drops {@code {}} variants, unwraps a single one, converts the rest into {@code targetKey}. */
  private void convertVariants(ObjectNode schema, String key, String targetKey, String path, Set<String> inlining) {
    JsonNode node = schema.remove(key);
    if (!(node instanceof ArrayNode variants)) {
      throw new IllegalArgumentException(key + " at " + path + " must be an array, was " + node.getNodeType());
    }
    List<JsonNode> kept = new ArrayList<>();
    List<String> keptPaths = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      JsonNode variant = variants.get(i);
      if (!(variant.isObject() && variant.isEmpty())) {
        kept.add(variant);
        keptPaths.add(path + "/" + key + "/" + i);
      }
    }
    if (kept.size() == 1) {
      schema.setAll(convert(kept.get(0), keptPaths.get(0), inlining));
    } else if (kept.size() > 1) {
      ArrayNode converted = schema.putArray(targetKey);
      for (int i = 0; i < kept.size(); i++) {
        converted.add(convert(kept.get(i), keptPaths.get(i), inlining));
      }
    }
  }

  private ObjectNode inline(ObjectNode schema, JsonNode ref, String path, Set<String> inlining) {
    String pointer = ref.asText();
    if (inlining.contains(pointer)) {
      throw new IllegalArgumentException(
          "$ref '" + pointer + "' at " + path + " refers to itself and has sibling keywords; it cannot be inlined");
    }
    ObjectNode merged = SchemaRefs.resolve(root, ref, path);
    schema.remove("$ref");
    merged.setAll(schema);
    Set<String> nested = new HashSet<>(inlining);
    nested.add(pointer);
    return convert(merged, path, nested);
  }

  /** Lets a field whose default was removed also accept {@code null}. */
  private static void makeNullable(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (acceptsNull(type) || schema.has("const")) {
      return;
    }
    if (schema.get("anyOf") instanceof ArrayNode variants) {
      if (!containsNullVariant(variants)) {
        variants.add(nullSchema(schema));
      }
      return;
    }
    boolean hasEnum = schema.has("enum");
    if (type != null && type.isTextual() && !hasEnum) {
      schema.putArray("type").add(type.asText()).add("null");
    } else if (type instanceof ArrayNode types && !hasEnum) {
      types.add("null");
    } else if (!schema.isEmpty()) {
      wrapWithNull(schema);
    }
  }

  /** {@code schema} becomes {@code {"anyOf": [schema, {"type": "null"}]}}, siblings of a $ref kept outside. */
  private static void wrapWithNull(ObjectNode schema) {
    ObjectNode inner = schema.deepCopy();
    schema.removeAll();
    if (inner.has("$ref") && inner.size() > 1) {
      JsonNode ref = inner.remove("$ref");
      schema.setAll(inner);
      ObjectNode bareRef = schema.objectNode().set("$ref", ref);
      schema.putArray("anyOf").add(bareRef).add(nullSchema(schema));
    } else {
      schema.putArray("anyOf").add(inner).add(nullSchema(schema));
    }
  }

  private static ObjectNode nullSchema(ObjectNode factory) {
    return factory.objectNode().put("type", "null");
  }

  private static boolean containsNullVariant(ArrayNode variants) {
    for (JsonNode variant : variants) {
      if (variant.size() == 1 && "null".equals(variant.path("type").asText(null))) {
        return true;
      }
    }
    return false;
  }

  private static boolean acceptsNull(JsonNode type) {
    return typeNamed(type, "null");
  }

  private static boolean isObjectType(JsonNode type) {
    return typeNamed(type, "object");
  }

  private static boolean typeNamed(JsonNode type, String name) {
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals(name);
    }
    for (JsonNode entry : type) {
      if (entry.isTextual() && entry.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>(node.size());
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
