package dev.chatstream.llm.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts a JSON Schema to the OpenAPI subset Gemini accepts in a function declaration's
 * {@code parameters}.
 *
 * <p>Gemini rejects keywords outside its subset ({@code additionalProperties}, {@code $ref},
 * {@code $defs}, {@code oneOf}, {@code const}, {@code title}, {@code default}, type lists, ...), so:
 * references are inlined (a recursive one is an error); a single {@code allOf} is merged; {@code oneOf}
 * is read as {@code anyOf}; a {@code {"type": "null"}} variant or a {@code "null"} in a type list
 * becomes {@code "nullable": true}; a union left with one variant is merged into its holder;
 * {@code const} becomes a one-value {@code enum}; types are written in Gemini's upper case; a
 * {@code format} other than {@code enum}, {@code date-time}, {@code int32}, {@code int64},
 * {@code float} or {@code double} is dropped, as is every other unsupported keyword.
 */
public final class GeminiSchema {
  private static final Set<String> SUPPORTED = Set.of(
      "type", "format", "description", "nullable", "enum", "items", "properties", "required",
      "minItems", "maxItems", "minProperties", "maxProperties", "minLength", "maxLength", "pattern",
      "minimum", "maximum", "anyOf", "propertyOrdering");
  private static final Set<String> FORMATS = Set.of("enum", "date-time", "int32", "int64", "float", "double");
  private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object");

  private final ObjectNode root;

  private GeminiSchema(ObjectNode root) {
    this.root = root;
  }

  /**
   * The Gemini form of a function's parameter schema, or empty when the function takes no
   * arguments (an object schema without properties, which Gemini rejects).
   *
   * @throws IllegalArgumentException when the schema cannot be expressed in Gemini's subset
   */
  public static Optional<ObjectNode> parameters(ObjectNode schema) {
    ObjectNode converted = new GeminiSchema(schema).convert(schema, "#", Set.of());
    boolean noArguments = "OBJECT".equals(converted.path("type").asText()) && !converted.has("properties");
    return noArguments ? Optional.empty() : Optional.of(converted);
  }

  private ObjectNode convert(JsonNode node, String path, Set<String> refs) {
    if (!(node instanceof ObjectNode original)) {
      throw new IllegalArgumentException("expected a schema object at " + path + ", was " + node.getNodeType());
    }
    ObjectNode schema = original.deepCopy();
    if (schema.has("$ref")) {
      return inline(schema, path, refs);
    }
    if (schema.has("allOf")) {
      return mergeAllOf(schema, path, refs);
    }
    if (schema.has("anyOf") || schema.has("oneOf")) {
      Optional<ObjectNode> merged = convertUnion(schema, path, refs);
      if (merged.isPresent()) {
        return convert(merged.get(), path, refs);
      }
    }
    if (schema.has("const") && !schema.has("enum")) {
      schema.putArray("enum").add(schema.get("const"));
    }
    convertType(schema, path);
    if (!FORMATS.contains(schema.path("format").asText())) {
      schema.remove("format");
    }
    convertChildren(schema, path, refs);
    schema.retain(SUPPORTED);
    return schema;
  }

  private ObjectNode inline(ObjectNode schema, String path, Set<String> refs) {
    JsonNode ref = schema.remove("$ref");
    String pointer = ref.asText();
    if (refs.contains(pointer)) {
      throw new IllegalArgumentException("recursive $ref '" + pointer + "' at " + path + " is not supported by Gemini");
    }
    ObjectNode merged = SchemaRefs.resolve(root, ref, path);
    merged.setAll(schema);
    Set<String> nested = new HashSet<>(refs);
    nested.add(pointer);
    return convert(merged, path, nested);
  }

  private ObjectNode mergeAllOf(ObjectNode schema, String path, Set<String> refs) {
    List<JsonNode> variants = nonEmptyVariants(schema.remove("allOf"), "allOf", path);
    if (variants.size() > 1) {
      throw new IllegalArgumentException("allOf with several schemas at " + path + " is not supported by Gemini");
    }
    return convert(variants.isEmpty() ? schema : underHolder(variants.get(0), schema, path), path, refs);
  }

  /** Converts the union in place, or returns the holder merged with its only variant. */
  private Optional<ObjectNode> convertUnion(ObjectNode schema, String path, Set<String> refs) {
    if (schema.has("anyOf") && schema.has("oneOf")) {
      throw new IllegalArgumentException("schema at " + path + " has both anyOf and oneOf");
    }
    String key = schema.has("anyOf") ? "anyOf" : "oneOf";
    List<JsonNode> variants = new ArrayList<>();
    for (JsonNode variant : nonEmptyVariants(schema.remove(key), key, path)) {
      if (variant.size() == 1 && "null".equals(variant.path("type").asText())) {
        schema.put("nullable", true);
      } else {
        variants.add(variant);
      }
    }
    if (variants.size() == 1) {
      return Optional.of(underHolder(variants.get(0), schema, path + "/" + key));
    }
    if (variants.size() > 1) {
      ArrayNode converted = schema.putArray("anyOf");
      for (int i = 0; i < variants.size(); i++) {
        converted.add(convert(variants.get(i), path + "/" + key + "/" + i, refs));
      }
    }
    return Optional.empty();
  }

  /** Writes {@code type} in Gemini's form: upper case, one type, {@code null} as {@code nullable}. */
  private static void convertType(ObjectNode schema, String path) {
    JsonNode type = schema.remove("type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type instanceof ArrayNode list) {
      list.forEach(entry -> types.add(entry.asText()));
    } else if (type == null && schema.get("enum") instanceof ArrayNode values && !values.isEmpty()) {
      types.add(inferType(values.get(0)));
    } else if (type != null) {
      throw new IllegalArgumentException("type at " + path + " must be a string or an array, was " + type.getNodeType());
    }
    if (types.remove("null")) {
      schema.put("nullable", true);
    }
    for (String name : types) {
      if (!TYPES.contains(name)) {
        throw new IllegalArgumentException("type '" + name + "' at " + path + " is not supported by Gemini");
      }
    }
    if (types.size() == 1) {
      schema.put("type", types.get(0).toUpperCase(Locale.ROOT));
    } else if (types.size() > 1) {
      if (schema.has("anyOf")) {
        throw new IllegalArgumentException("schema at " + path + " has both a type list and anyOf");
      }
      ArrayNode variants = schema.putArray("anyOf");
      types.forEach(name -> variants.addObject().put("type", name.toUpperCase(Locale.ROOT)));
    }
  }

  private void convertChildren(ObjectNode schema, String path, Set<String> refs) {
    JsonNode properties = schema.get("properties");
    if (properties != null && !(properties instanceof ObjectNode)) {
      throw new IllegalArgumentException("properties at " + path + " must be an object, was " + properties.getNodeType());
    }
    if (properties == null || properties.isEmpty()) {
      schema.remove("properties");
    } else {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        property.setValue(convert(property.getValue(), path + "/properties/" + property.getKey(), refs));
      }
    }
    if (schema.get("items") instanceof ObjectNode items) {
      schema.set("items", convert(items, path + "/items", refs));
    }
  }

  /** {@code variant} with the holder's own keywords laid over it. */
  private static ObjectNode underHolder(JsonNode variant, ObjectNode holder, String path) {
    if (!(variant instanceof ObjectNode object)) {
      throw new IllegalArgumentException("expected a schema object in " + path + ", was " + variant.getNodeType());
    }
    ObjectNode merged = object.deepCopy();
    merged.setAll(holder);
    return merged;
  }

  private static List<JsonNode> nonEmptyVariants(JsonNode node, String key, String path) {
    if (!(node instanceof ArrayNode variants)) {
      throw new IllegalArgumentException(key + " at " + path + " must be an array");
    }
    List<JsonNode> kept = new ArrayList<>();
    variants.forEach(variant -> {
      if (!(variant.isObject() && variant.isEmpty())) {
        kept.add(variant);
      }
    });
    return kept;
  }

  private static String inferType(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.isBoolean() ? "boolean" : "string";
  }
}
