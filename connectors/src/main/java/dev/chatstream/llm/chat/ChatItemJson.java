package dev.chatstream.llm.chat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.json.FieldReader;
import dev.chatstream.llm.internal.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of chat items: snake_case fields, null fields left out, in the shape of the reference's
 * {@code to_dict}/{@code from_dict}. {@link ChatContext#toDict} and {@link ChatContext#fromDict} use it
 * for whole contexts; {@link #toJson} and {@link #fromJson} convert one item.
 *
 * <p>Reading fills defaults the way the reference does: a missing {@code id} becomes a new {@code
 * item_...} id (images: {@code img_...}), a missing {@code created_at} becomes now, {@code interrupted}
 * defaults to false, {@code extra} to empty, an output's {@code name} to {@code ""}, an image's {@code
 * inference_detail} to {@code auto}. Unknown fields are ignored. Anything else that does not fit (a
 * missing required field, a wrong JSON kind, an explicit null where none is allowed, an unknown type or
 * role) fails with an {@link IllegalArgumentException} naming the item's place ({@code items[3]}) and
 * the problem.
 */
public final class ChatItemJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final TypeReference<Map<String, Object>> EXTRA_TYPE = new TypeReference<>() {};

  private ChatItemJson() {}

  /** One item with every field, timestamps and media included. */
  public static ObjectNode toJson(ChatItem item) {
    return write(item, DictOptions.includeAll());
  }

  /**
   * Reads one item.
   *
   * @throws IllegalArgumentException when {@code json} is not a valid item, naming the problem
   */
  public static ChatItem fromJson(JsonNode json) {
    return read(json, "item");
  }

  static ObjectNode toDict(List<ChatItem> items, DictOptions options) {
    ArrayNode array = NODES.arrayNode(items.size());
    for (ChatItem item : items) {
      if (options.writesFunctionCalls() || item instanceof ChatMessage) {
        array.add(write(item, options));
      }
    }
    ObjectNode dict = NODES.objectNode();
    dict.set("items", array);
    return dict;
  }

  static List<ChatItem> fromDict(JsonNode dict) {
    JsonNode array = FieldReader.of(dict, "chat context").requiredArray("items");
    List<ChatItem> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(read(array.get(i), "items[" + i + "]"));
    }
    return items;
  }

  static ObjectNode write(ChatItem item, DictOptions options) {
    ObjectNode json = switch (item) {
      case ChatMessage message -> writeMessage(message, options);
      case FunctionCall call -> writeCall(call, options);
      case FunctionCallOutput output -> writeOutput(output, options);
    };
    return json;
  }

  private static ObjectNode writeMessage(ChatMessage message, DictOptions options) {
    ObjectNode json = header(message);
    json.put("role", message.role().wireName());
    ArrayNode content = json.putArray("content");
    for (ChatContent part : message.content()) {
      if (writes(part, options)) {
        content.add(ChatContentJson.write(part));
      }
    }
    json.put("interrupted", message.interrupted());
    if (message.transcriptConfidence() != null) {
      json.put("transcript_confidence", message.transcriptConfidence());
    }
    json.set("extra", extra(message.id(), message.extra()));
    putSeconds(json, message.createdAt(), options);
    return json;
  }

  private static boolean writes(ChatContent part, DictOptions options) {
    return switch (part) {
      case TextContent text -> true;
      case ImageContent image -> options.writesImages();
      case AudioContent audio -> options.writesAudio();
    };
  }

  private static ObjectNode writeCall(FunctionCall call, DictOptions options) {
    ObjectNode json = header(call);
    json.put("call_id", call.callId());
    json.put("arguments", call.arguments());
    json.put("name", call.name());
    putSeconds(json, call.createdAt(), options);
    json.set("extra", extra(call.id(), call.extra()));
    if (call.groupId() != null) {
      json.put("group_id", call.groupId());
    }
    return json;
  }

  private static ObjectNode writeOutput(FunctionCallOutput output, DictOptions options) {
    ObjectNode json = header(output);
    json.put("name", output.name());
    json.put("call_id", output.callId());
    json.put("output", output.output());
    json.put("is_error", output.isError());
    putSeconds(json, output.createdAt(), options);
    return json;
  }

  private static ObjectNode header(ChatItem item) {
    ObjectNode json = NODES.objectNode();
    json.put("id", item.id());
    json.put("type", item.type().wireName());
    return json;
  }

  private static JsonNode extra(String itemId, Map<String, Object> extra) {
    if (extra.isEmpty()) {
      return NODES.objectNode();
    }
    try {
      return MAPPER.valueToTree(extra);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("item '" + itemId + "': extra cannot be written as JSON", e);
    }
  }

  private static void putSeconds(ObjectNode json, double createdAt, DictOptions options) {
    if (options.writesTimestamps()) {
      json.set("created_at", seconds(createdAt));
    }
  }

  /** Seconds in plain decimal notation ({@code 1700000000.25}, never {@code 1.70000000025E9}). */
  private static DecimalNode seconds(double value) {
    BigDecimal decimal = new BigDecimal(Double.toString(value));
    return DecimalNode.valueOf(decimal.scale() < 1 ? decimal.setScale(1) : decimal);
  }

  static ChatItem read(JsonNode json, String where) {
    FieldReader fields = FieldReader.of(json, where);
    return switch (fields.parse("type", ItemType::fromWireName)) {
      case MESSAGE -> readMessage(fields);
      case FUNCTION_CALL -> readCall(fields);
      case FUNCTION_CALL_OUTPUT -> readOutput(fields);
    };
  }

  private static ChatMessage readMessage(FieldReader fields) {
    String id = fields.textOr("id", ItemIds::newItemId);
    ChatRole role = fields.parse("role", ChatRole::fromWireName);
    JsonNode array = fields.requiredArray("content");
    List<ChatContent> content = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      content.add(ChatContentJson.read(array.get(i), fields.where() + ".content[" + i + "]"));
    }
    boolean interrupted = fields.booleanOr("interrupted", false);
    Double confidence = fields.nullableNumber("transcript_confidence");
    Map<String, Object> extra = readExtra(fields);
    double createdAt = fields.numberOr("created_at", Clock::nowSeconds);
    return fields.build(() -> new ChatMessage(id, role, content, interrupted, confidence, extra, createdAt));
  }

  private static FunctionCall readCall(FieldReader fields) {
    String id = fields.textOr("id", ItemIds::newItemId);
    String callId = fields.requiredText("call_id");
    String name = fields.requiredText("name");
    String arguments = fields.requiredText("arguments");
    double createdAt = fields.numberOr("created_at", Clock::nowSeconds);
    Map<String, Object> extra = readExtra(fields);
    String groupId = fields.nullableText("group_id");
    return fields.build(() -> new FunctionCall(id, callId, name, arguments, createdAt, extra, groupId));
  }

  private static FunctionCallOutput readOutput(FieldReader fields) {
    String id = fields.textOr("id", ItemIds::newItemId);
    String callId = fields.requiredText("call_id");
    String name = fields.textOr("name", () -> "");
    String output = fields.requiredText("output");
    boolean isError = fields.requiredBoolean("is_error");
    double createdAt = fields.numberOr("created_at", Clock::nowSeconds);
    return fields.build(() -> new FunctionCallOutput(id, callId, name, output, isError, createdAt));
  }

  private static Map<String, Object> readExtra(FieldReader fields) {
    JsonNode extra = fields.optionalObject("extra");
    return extra == null || extra.isEmpty() ? Map.of() : MAPPER.convertValue(extra, EXTRA_TYPE);
  }
}
