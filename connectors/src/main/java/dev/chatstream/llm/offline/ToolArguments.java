package dev.chatstream.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arguments for an offline tool call, filled from the user's message by the tool's JSON Schema.
 * Only required properties are filled: strings take the next quoted phrase of the message, else the
 * words after the tool's name; integers and numbers the first number of the message (integers its
 * integer part), else 0; booleans {@code true}; enums their first value; consts their value; arrays
 * {@code []}; objects their own required properties; anything else {@code null}.
 */
final class ToolArguments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|\u201c([^\u201d]*)\u201d");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{Alnum}.])-?\\d+(?:\\.\\d+)?");
  private static final Set<String> FILLER =
      Set.of("for", "in", "at", "about", "on", "of", "with", "to", "the", "a", "an", "please");
  private static final String EDGE_PUNCTUATION = ".,;:!?";

  private final JsonNode root;
  private final List<String> quoted;
  private final String wordsAfter;
  private final String numberSource;
  private int nextQuoted;

  private ToolArguments(JsonNode root, String message, ToolMention mention) {
    this.root = root;
    String text = message == null ? "" : message;
    this.quoted = quotedPhrases(text);
    this.wordsAfter = mention == null ? stripFiller(text) : stripFiller(mention.after(text));
    this.numberSource = mention == null ? text : mention.removeFrom(text);
  }

  /**
   * The arguments JSON for a tool with {@code schema}, from {@code message} where {@code mention}
   * (or null when the tool was chosen without being named) names the tool.
   */
  static String build(ObjectNode schema, String message, ToolMention mention) {
    ToolArguments arguments = new ToolArguments(schema, message, mention);
    return arguments.objectFor(schema, 0).toString();
  }

  private JsonNode valueFor(JsonNode schema, int depth) {
    JsonNode resolved = resolve(schema);
    if (resolved == null || !resolved.isObject() || depth > 32) {
      return JSON.nullNode();
    }
    if (resolved.has("const")) {
      return resolved.get("const").deepCopy();
    }
    JsonNode values = resolved.get("enum");
    if (values != null && values.isArray() && !values.isEmpty()) {
      return values.get(0).deepCopy();
    }
    JsonNode variant = firstVariant(resolved);
    if (variant != null) {
      return valueFor(variant, depth + 1);
    }
    return switch (typeOf(resolved)) {
      case "string" -> JSON.textNode(nextString());
      case "integer" -> JSON.numberNode(firstNumber().toBigInteger());
      case "number" -> JSON.numberNode(firstNumber());
      case "boolean" -> JSON.booleanNode(true);
      case "array" -> JSON.arrayNode();
      case "object" -> objectFor(resolved, depth + 1);
      default -> JSON.nullNode();
    };
  }

  private ObjectNode objectFor(JsonNode schema, int depth) {
    ObjectNode object = JSON.objectNode();
    JsonNode required = schema.get("required");
    JsonNode properties = schema.get("properties");
    if (required == null || !required.isArray()) {
      return object;
    }
    for (JsonNode name : required) {
      JsonNode property = properties == null ? null : properties.get(name.asText());
      object.set(name.asText(), property == null ? JSON.nullNode() : valueFor(property, depth));
    }
    return object;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema == null ? null : schema.get("$ref");
    if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#/")) {
      return schema;
    }
    return root.at(ref.asText().substring(1));
  }

  private static JsonNode firstVariant(JsonNode schema) {
    for (String key : List.of("anyOf", "oneOf", "allOf")) {
      JsonNode variants = schema.get(key);
      if (variants != null && variants.isArray()) {
        for (JsonNode variant : variants) {
          if (!"null".equals(typeOf(variant))) {
            return variant;
          }
        }
      }
    }
    return null;
  }

  private static String typeOf(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (type != null && type.isArray()) {
      for (JsonNode option : type) {
        if (!"null".equals(option.asText())) {
          return option.asText();
        }
      }
      return "null";
    }
    return schema.has("properties") ? "object" : "";
  }

  private String nextString() {
    return nextQuoted < quoted.size() ? quoted.get(nextQuoted++) : wordsAfter;
  }

  private BigDecimal firstNumber() {
    Matcher matcher = NUMBER.matcher(numberSource);
    return matcher.find() ? new BigDecimal(matcher.group()) : BigDecimal.ZERO;
  }

  private static List<String> quotedPhrases(String text) {
    List<String> phrases = new ArrayList<>();
    Matcher matcher = QUOTED.matcher(text);
    while (matcher.find()) {
      phrases.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
    return phrases;
  }

  private static String stripFiller(String text) {
    List<String> words = new ArrayList<>(Words.of(trimPunctuation(text)));
    while (!words.isEmpty() && FILLER.contains(words.get(0).toLowerCase(Locale.ROOT))) {
      words.remove(0);
    }
    return trimPunctuation(String.join(" ", words));
  }

  private static String trimPunctuation(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isEdge(text.charAt(start))) {
      start++;
    }
    while (end > start && isEdge(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end).strip();
  }

  private static boolean isEdge(char c) {
    return Character.isWhitespace(c) || EDGE_PUNCTUATION.indexOf(c) >= 0;
  }
}
