package dev.chatstream.llm.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The strict reader of JSON input: typed access to the fields of one JSON object, failing with an
 * {@link IllegalArgumentException} that names where the object sits ({@code items[3]},
 * {@code items[3].content[0]}, {@code line 4}) and what is wrong, never the offending value.
 *
 * <p>An absent field takes its default; an explicit {@code null} is accepted only by the {@code
 * nullable...} readers. Used for everything chatstream reads from people and producers: ChatContext
 * dicts, tool definitions, and the pipeline's JSON lines.
 */
public final class FieldReader {
  private final JsonNode node;
  private final String where;

  private FieldReader(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /** A reader for {@code node}, which must be a JSON object. */
  public static FieldReader of(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": must be a JSON object, was " + kind(node));
    }
    return new FieldReader(node, where);
  }

  public String where() {
    return where;
  }

  public IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(where + ": " + problem);
  }

  public IllegalArgumentException error(String problem, Exception cause) {
    return new IllegalArgumentException(where + ": " + problem, cause);
  }

  /** Parses a required string field, locating the parser's {@link IllegalArgumentException}. */
  public <T> T parse(String field, Function<String, T> parser) {
    String value = requiredText(field);
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage(), e);
    }
  }

  /** Runs a constructor, locating the validation failures it reports. */
  public <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw error(e.getMessage(), e);
    }
  }

  public boolean has(String field) {
    return node.has(field);
  }

  /** The field, which must be present; for arrays and objects the caller checks the shape. */
  public JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw error("missing \"" + field + "\"");
    }
    return value;
  }

  public String requiredText(String field) {
    return text(field, required(field));
  }

  public String textOr(String field, Supplier<String> fallback) {
    return has(field) ? requiredText(field) : fallback.get();
  }

  public String nullableText(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : text(field, value);
  }

  public boolean requiredBoolean(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw mistyped(field, "a boolean", value);
    }
    return value.booleanValue();
  }

  public boolean booleanOr(String field, boolean fallback) {
    return has(field) ? requiredBoolean(field) : fallback;
  }

  public double numberOr(String field, Supplier<Double> fallback) {
    return has(field) ? number(field, required(field)) : fallback.get();
  }

  public Double nullableNumber(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : number(field, value);
  }

  public Integer nullableInt(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw mistyped(field, "an integer", value);
    }
    return value.intValue();
  }

  public JsonNode requiredArray(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw mistyped(field, "an array", value);
    }
    return value;
  }

  /** The field as an object, or null when absent. */
  public JsonNode optionalObject(String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isObject()) {
      throw mistyped(field, "an object", value);
    }
    return value;
  }

  /** The object's node. */
  public JsonNode node() {
    return node;
  }

  /**
   * Rejects fields outside {@code allowed}, so that a misspelt field is an error rather than
   * silently ignored.
   */
  public FieldReader allowOnly(Set<String> allowed) {
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw error("unknown field \"" + name + "\"");
      }
    });
    return this;
  }

  /** A required string field that must not be empty. */
  public String requiredNonEmptyText(String field) {
    String value = requiredText(field);
    if (value.isEmpty()) {
      throw error("\"" + field + "\" must not be empty");
    }
    return value;
  }

  /** A boolean field, or null when absent or null. */
  public Boolean nullableBoolean(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : requiredBoolean(field);
  }

  /** A required integer field. */
  public int requiredInt(String field) {
    Integer value = nullableInt(field);
    if (value == null) {
      throw error("missing \"" + field + "\"");
    }
    return value;
  }

  /** A required number field. */
  public double requiredNumber(String field) {
    return number(field, required(field));
  }

  /** An object field as a string map, each value written as JSON text; empty when absent or null. */
  public Map<String, String> jsonValues(String field) {
    return stringMap(field, JsonNode::toString);
  }

  /** An object field as a string map: strings as they are, other values as JSON text. */
  public Map<String, String> textValues(String field) {
    return stringMap(field, value -> value.isTextual() ? value.textValue() : value.toString());
  }

  private Map<String, String> stringMap(String field, Function<JsonNode, String> text) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode map = node.get(field);
    if (map == null || map.isNull()) {
      return values;
    }
    if (!map.isObject()) {
      throw mistyped(field, "an object", map);
    }
    map.fields().forEachRemaining(entry -> values.put(entry.getKey(), text.apply(entry.getValue())));
    return values;
  }

  private String text(String field, JsonNode value) {
    if (!value.isTextual()) {
      throw mistyped(field, "a string", value);
    }
    return value.textValue();
  }

  private double number(String field, JsonNode value) {
    if (!value.isNumber()) {
      throw mistyped(field, "a number", value);
    }
    return value.doubleValue();
  }

  private IllegalArgumentException mistyped(String field, String expected, JsonNode value) {
    return error("\"" + field + "\" must be " + expected + ", was " + kind(value));
  }

  /** The JSON kind of {@code value} ({@code string}, {@code null}, ...), never the value itself. */
  public static String kind(JsonNode value) {
    return value == null ? "missing" : value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
