package dev.chatstream.llm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed access to the fields of one JSON object, failing with an {@link IllegalArgumentException} that
 * names where the object sits ({@code items[3]}, {@code items[3].content[0]}) and what is wrong.
 *
 * <p>An absent field takes its default; an explicit {@code null} is accepted only by the {@code
 * nullable...} readers.
 */
final class FieldReader {
  private final JsonNode node;
  private final String where;

  private FieldReader(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /** A reader for {@code node}, which must be a JSON object. */
  static FieldReader of(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": must be a JSON object, was " + kind(node));
    }
    return new FieldReader(node, where);
  }

  String where() {
    return where;
  }

  IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(where + ": " + problem);
  }

  IllegalArgumentException error(String problem, Exception cause) {
    return new IllegalArgumentException(where + ": " + problem, cause);
  }

  /** Parses a required string field, locating the parser's {@link IllegalArgumentException}. */
  <T> T parse(String field, Function<String, T> parser) {
    String value = requiredText(field);
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage(), e);
    }
  }

  /** Runs a constructor, locating the validation failures it reports. */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw error(e.getMessage(), e);
    }
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** The field, which must be present; for arrays and objects the caller checks the shape. */
  JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw error("missing \"" + field + "\"");
    }
    return value;
  }

  String requiredText(String field) {
    return text(field, required(field));
  }

  String textOr(String field, Supplier<String> fallback) {
    return has(field) ? requiredText(field) : fallback.get();
  }

  String nullableText(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : text(field, value);
  }

  boolean requiredBoolean(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw mistyped(field, "a boolean", value);
    }
    return value.booleanValue();
  }

  boolean booleanOr(String field, boolean fallback) {
    return has(field) ? requiredBoolean(field) : fallback;
  }

  double numberOr(String field, Supplier<Double> fallback) {
    return has(field) ? number(field, required(field)) : fallback.get();
  }

  Double nullableNumber(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : number(field, value);
  }

  Integer nullableInt(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw mistyped(field, "an integer", value);
    }
    return value.intValue();
  }

  JsonNode requiredArray(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw mistyped(field, "an array", value);
    }
    return value;
  }

  /** The field as an object, or null when absent. */
  JsonNode optionalObject(String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isObject()) {
      throw mistyped(field, "an object", value);
    }
    return value;
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
  static String kind(JsonNode value) {
    return value == null ? "missing" : value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
