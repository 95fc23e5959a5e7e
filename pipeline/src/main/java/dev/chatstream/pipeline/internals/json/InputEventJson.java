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
import dev.chatstream.llm.internal.json.FieldReader;
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
   * @throws IllegalArgumentException saying what is wrong with the line, and where
   */
  public static ConversationEvent parse(JsonNode line) {
    if (!(line instanceof ObjectNode object)) {
      throw new IllegalArgumentException("a line must be a JSON object");
    }
    FieldReader event = FieldReader.of(object, "event");
    String type = event.requiredNonEmptyText("type");
    String conversationId = event.requiredNonEmptyText("conversation_id");
    Object payload = switch (type) {
      case "message", "function_call", "function_call_output" -> item(object);
      case "generate_reply" -> generateReply(event.allowOnly(REPLY_FIELDS));
      case "cancel" -> CancelGeneration.newBuilder()
          .setRequestId(event.allowOnly(Set.of("type", "conversation_id", "request_id")).nullableText("request_id"))
          .build();
      case "truncate" -> TruncateContext.newBuilder()
          .setMaxItems(event.allowOnly(Set.of("type", "conversation_id", "max_items")).requiredInt("max_items"))
          .build();
      case "delete" -> {
        event.allowOnly(Set.of("type", "conversation_id"));
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

  private static GenerateReply generateReply(FieldReader event) {
    String requestId = event.nullableText("request_id");
    GenerateReply.Builder reply = GenerateReply.newBuilder()
        .setRequestId(requestId != null ? requestId : ItemIds.shortId("req_"))
        .setLlm(event.nullableText("llm"))
        .setModel(event.nullableText("model"))
        .setOptions(event.jsonValues("options"))
        .setTools(tools(event))
        .setToolChoice(toolChoice(event.node().get("tool_choice")))
        .setParallelToolCalls(event.nullableBoolean("parallel_tool_calls"))
        .setConnectOptions(connectOptions(event))
        .setContextTransform(transform(event))
        .setAutoToolReply(Boolean.TRUE.equals(event.nullableBoolean("auto_tool_reply")))
        .setInterrupt(Boolean.TRUE.equals(event.nullableBoolean("interrupt")))
        .setMetadata(event.textValues("metadata"));
    Integer maxToolSteps = event.nullableInt("max_tool_steps");
    if (maxToolSteps != null) {
      reply.setMaxToolSteps(maxToolSteps);
    }
    return reply.build();
  }

  private static List<ToolSpec> tools(FieldReader event) {
    JsonNode tools = event.node().get("tools");
    if (tools == null || tools.isNull()) {
      return List.of();
    }
    List<ToolSpec> specs = new ArrayList<>();
    int index = 0;
    for (JsonNode tool : event.requiredArray("tools")) {
      JsonNode function = tool.has("function") && "function".equals(tool.path("type").asText()) ? tool.get("function") : tool;
      specs.add(tool(FieldReader.of(function, "tools[" + index++ + "]")));
    }
    return specs;
  }

  private static ToolSpec tool(FieldReader tool) {
    JsonNode raw = tool.optionalObject("raw_schema");
    if (raw != null) {
      String name = raw.path("name").asText(tool.nullableText("name"));
      if (name == null || name.isEmpty()) {
        throw tool.error("a raw_schema tool needs a \"name\"");
      }
      return ToolSpec.newBuilder().setName(name).setDescription(raw.path("description").asText(""))
          .setRawSchema(raw.toString()).build();
    }
    tool.allowOnly(Set.of("name", "description", "parameters", "strict"));
    JsonNode parameters = tool.node().get("parameters");
    return ToolSpec.newBuilder()
        .setName(tool.requiredNonEmptyText("name"))
        .setDescription(tool.node().path("description").asText(""))
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
      throw new IllegalArgumentException(
          "event: \"tool_choice\" must be auto, required, none, a function name or {\"name\":...}");
    }
    return name.asText();
  }

  private static ConnectOptions connectOptions(FieldReader event) {
    JsonNode node = event.optionalObject("connect_options");
    if (node == null) {
      return null;
    }
    FieldReader options = FieldReader.of(node, "connect_options").allowOnly(Set.of("max_retry", "retry_interval", "timeout"));
    ConnectOptions.Builder builder = ConnectOptions.newBuilder();
    if (options.has("max_retry")) {
      builder.setMaxRetry(options.requiredInt("max_retry"));
    }
    if (options.has("retry_interval")) {
      builder.setRetryInterval(options.requiredNumber("retry_interval"));
    }
    if (options.has("timeout")) {
      builder.setTimeout(options.requiredNumber("timeout"));
    }
    return builder.build();
  }

  private static ContextTransform transform(FieldReader event) {
    JsonNode node = event.optionalObject("context");
    if (node == null) {
      return null;
    }
    FieldReader context = FieldReader.of(node, "context").allowOnly(Set.of("truncate_to", "exclude_function_call",
        "exclude_instructions", "exclude_empty_message", "tools"));
    List<String> tools = null;
    if (node.hasNonNull("tools")) {
      tools = new ArrayList<>();
      for (JsonNode name : context.requiredArray("tools")) {
        tools.add(name.asText());
      }
    }
    return ContextTransform.newBuilder()
        .setTruncateTo(context.nullableInt("truncate_to"))
        .setExcludeFunctionCall(Boolean.TRUE.equals(context.nullableBoolean("exclude_function_call")))
        .setExcludeInstructions(Boolean.TRUE.equals(context.nullableBoolean("exclude_instructions")))
        .setExcludeEmptyMessage(Boolean.TRUE.equals(context.nullableBoolean("exclude_empty_message")))
        .setTools(tools)
        .build();
  }
}
