package dev.chatstream.pipeline.internals.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.CancelGeneration;
import dev.chatstream.events.command.ConnectOptions;
import dev.chatstream.events.command.ContextTransform;
import dev.chatstream.events.command.DeleteConversation;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.command.ToolSpec;
import dev.chatstream.events.command.TruncateContext;
import dev.chatstream.llm.chat.ChatItemJson;
import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.pipeline.internals.mapping.ItemMapper;
import dev.chatstream.schemas.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the JSON lines {@code chatstream produce} accepts: items in the ChatContext {@code to_dict}
 * shape ({@code type} = message, function_call or function_call_output) and the requests
 * generate_reply, cancel, truncate and delete, each with a {@code conversation_id}.
 */
public final class InputEventJson {
  static {
    EventTypes.trustGeneratedClasses();
  }

  private static final Set<String> REPLY_FIELDS = Set.of("type", "conversation_id", "request_id", "llm", "model",
      "options", "tools", "tool_choice", "parallel_tool_calls", "connect_options", "context", "auto_tool_reply",
      "max_tool_steps", "interrupt", "metadata");

  private InputEventJson() {}

  /**
   * The event a JSON line describes.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static ConversationEvent parse(JsonNode line) {
    if (!(line instanceof ObjectNode object)) {
      throw new IllegalArgumentException("a line must be a JSON object");
    }
    String type = JsonFields.requiredText(object, "type");
    String conversationId = JsonFields.requiredText(object, "conversation_id");
    Object payload = switch (type) {
      case "message", "function_call", "function_call_output" -> item(object);
      case "generate_reply" -> generateReply(object);
      case "cancel" -> {
        JsonFields.allowOnly(object, Set.of("type", "conversation_id", "request_id"));
        yield CancelGeneration.newBuilder().setRequestId(JsonFields.optionalText(object, "request_id")).build();
      }
      case "truncate" -> {
        JsonFields.allowOnly(object, Set.of("type", "conversation_id", "max_items"));
        yield TruncateContext.newBuilder().setMaxItems(JsonFields.requiredInt(object, "max_items")).build();
      }
      case "delete" -> {
        JsonFields.allowOnly(object, Set.of("type", "conversation_id"));
        yield DeleteConversation.newBuilder().build();
      }
      default -> throw new IllegalArgumentException("unknown type '" + type + "' (expected message, function_call,"
          + " function_call_output, generate_reply, cancel, truncate or delete)");
    };
    return ConversationEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setConversationId(conversationId)
        .setProducedAt(Instant.now())
        .setPayload(payload)
        .build();
  }

  private static Object item(ObjectNode object) {
    ObjectNode item = object.deepCopy();
    item.remove("conversation_id");
    return ItemMapper.toAvro(ChatItemJson.fromJson(item));
  }

  private static GenerateReply generateReply(ObjectNode object) {
    JsonFields.allowOnly(object, REPLY_FIELDS);
    String requestId = JsonFields.optionalText(object, "request_id");
    GenerateReply.Builder reply = GenerateReply.newBuilder()
        .setRequestId(requestId != null ? requestId : ItemIds.shortId("req_"))
        .setLlm(JsonFields.optionalText(object, "llm"))
        .setModel(JsonFields.optionalText(object, "model"))
        .setOptions(JsonFields.jsonValues(object, "options"))
        .setTools(tools(object.get("tools")))
        .setToolChoice(toolChoice(object.get("tool_choice")))
        .setParallelToolCalls(JsonFields.optionalBoolean(object, "parallel_tool_calls"))
        .setConnectOptions(connectOptions(object.get("connect_options")))
        .setContextTransform(transform(object.get("context")))
        .setAutoToolReply(Boolean.TRUE.equals(JsonFields.optionalBoolean(object, "auto_tool_reply")))
        .setInterrupt(Boolean.TRUE.equals(JsonFields.optionalBoolean(object, "interrupt")))
        .setMetadata(JsonFields.textValues(object, "metadata"));
    Integer maxToolSteps = JsonFields.optionalInt(object, "max_tool_steps");
    if (maxToolSteps != null) {
      reply.setMaxToolSteps(maxToolSteps);
    }
    return reply.build();
  }

  private static List<ToolSpec> tools(JsonNode tools) {
    if (tools == null || tools.isNull()) {
      return List.of();
    }
    if (!tools.isArray()) {
      throw new IllegalArgumentException("'tools' must be an array");
    }
    List<ToolSpec> specs = new ArrayList<>();
    for (JsonNode tool : tools) {
      specs.add(tool(tool.has("function") && "function".equals(tool.path("type").asText()) ? tool.get("function") : tool));
    }
    return specs;
  }

  private static ToolSpec tool(JsonNode tool) {
    if (!(tool instanceof ObjectNode object)) {
      throw new IllegalArgumentException("each tool must be a JSON object");
    }
    if (object.has("raw_schema")) {
      JsonNode raw = object.get("raw_schema");
      String name = raw.path("name").asText(JsonFields.optionalText(object, "name"));
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a raw_schema tool needs a 'name'");
      }
      return ToolSpec.newBuilder().setName(name).setDescription(raw.path("description").asText(""))
          .setRawSchema(raw.toString()).build();
    }
    JsonFields.allowOnly(object, Set.of("name", "description", "parameters", "strict"));
    JsonNode parameters = object.get("parameters");
    return ToolSpec.newBuilder()
        .setName(JsonFields.requiredText(object, "name"))
        .setDescription(object.path("description").asText(""))
        .setParameters(parameters == null || parameters.isNull() ? null : parameters.toString())
        .build();
  }

  private static String toolChoice(JsonNode choice) {
    if (choice == null || choice.isNull()) {
      return null;
    }
    if (choice.isTextual()) {
      return choice.asText();
    }
    JsonNode name = choice.has("function") ? choice.get("function").get("name") : choice.get("name");
    if (name == null || !name.isTextual()) {
      throw new IllegalArgumentException("'tool_choice' must be auto, required, none, a function name or {\"name\":...}");
    }
    return name.asText();
  }

  private static ConnectOptions connectOptions(JsonNode options) {
    if (options == null || options.isNull()) {
      return null;
    }
    if (!(options instanceof ObjectNode object)) {
      throw new IllegalArgumentException("'connect_options' must be an object");
    }
    JsonFields.allowOnly(object, Set.of("max_retry", "retry_interval", "timeout"));
    ConnectOptions.Builder builder = ConnectOptions.newBuilder();
    if (object.has("max_retry")) {
      builder.setMaxRetry(JsonFields.requiredInt(object, "max_retry"));
    }
    if (object.has("retry_interval")) {
      builder.setRetryInterval(JsonFields.requiredNumber(object, "retry_interval"));
    }
    if (object.has("timeout")) {
      builder.setTimeout(JsonFields.requiredNumber(object, "timeout"));
    }
    return builder.build();
  }

  private static ContextTransform transform(JsonNode transform) {
    if (transform == null || transform.isNull()) {
      return null;
    }
    if (!(transform instanceof ObjectNode object)) {
      throw new IllegalArgumentException("'context' must be an object");
    }
    JsonFields.allowOnly(object, Set.of("truncate_to", "exclude_function_call", "exclude_instructions",
        "exclude_empty_message", "tools"));
    List<String> tools = null;
    if (object.hasNonNull("tools")) {
      tools = new ArrayList<>();
      for (JsonNode name : object.get("tools")) {
        tools.add(name.asText());
      }
    }
    return ContextTransform.newBuilder()
        .setTruncateTo(JsonFields.optionalInt(object, "truncate_to"))
        .setExcludeFunctionCall(Boolean.TRUE.equals(JsonFields.optionalBoolean(object, "exclude_function_call")))
        .setExcludeInstructions(Boolean.TRUE.equals(JsonFields.optionalBoolean(object, "exclude_instructions")))
        .setExcludeEmptyMessage(Boolean.TRUE.equals(JsonFields.optionalBoolean(object, "exclude_empty_message")))
        .setTools(tools)
        .build();
  }
}
