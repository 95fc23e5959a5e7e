package dev.chatstream.pipeline.internals.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.command.ToolSpec;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.RawFunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import dev.chatstream.llm.tools.ToolDefinition;
import dev.chatstream.llm.tools.ToolSet;
import dev.chatstream.pipeline.internals.generation.ContextTransform;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import dev.chatstream.pipeline.internals.json.JsonValues;
import dev.chatstream.schemas.EventTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code GenerateReply} event into the request the pipeline runs, checking everything that
 * can be checked before it is queued.
 */
public final class RequestMapper {
  static {
    EventTypes.trustGeneratedClasses();
  }

  private static final ObjectMapper JSON = Json.mapper();

  private RequestMapper() {}

  /**
   * The request of {@code event}.
   *
   * @throws IllegalArgumentException saying what is wrong: an empty request id, a tool whose schema
   *     is not a JSON object, duplicate tool names, a tool_choice naming no offered tool, negative
   *     connect options, a non-positive truncate_to or max_tool_steps
   */
  public static ReplyRequest toRequest(GenerateReply event) {
    List<ToolDefinition> tools = tools(event.getTools());
    ToolChoice toolChoice = event.getToolChoice() == null ? null : ToolChoice.parse(event.getToolChoice());
    if (toolChoice instanceof ToolChoice.Function(String name) && tools.stream().noneMatch(t -> t.name().equals(name))) {
      throw new IllegalArgumentException("tool_choice names '" + name + "', which is not among the request's tools");
    }
    return new ReplyRequest(event.getRequestId(), event.getLlm(), event.getModel(), JsonValues.decode(event.getOptions()),
        tools, toolChoice, event.getParallelToolCalls(), connectOptions(event), transform(event),
        event.getAutoToolReply(), event.getMaxToolSteps(), event.getInterrupt(), event.getMetadata());
  }

  private static List<ToolDefinition> tools(List<ToolSpec> specs) {
    List<ToolDefinition> tools = new ArrayList<>(specs.size());
    for (ToolSpec spec : specs) {
      tools.add(tool(spec));
    }
    return ToolSet.of(tools).tools();
  }

  private static ToolDefinition tool(ToolSpec spec) {
    if (spec.getRawSchema() != null) {
      ObjectNode raw = object(spec.getRawSchema(), "raw_schema of tool '" + spec.getName() + "'");
      if (!raw.hasNonNull("name")) {
        raw.put("name", spec.getName());
      }
      return new RawFunctionTool(raw);
    }
    ObjectNode parameters = spec.getParameters() == null
        ? null
        : object(spec.getParameters(), "parameters of tool '" + spec.getName() + "'");
    return new FunctionTool(spec.getName(), spec.getDescription(), parameters);
  }

  private static ConnectOptions connectOptions(GenerateReply event) {
    var options = event.getConnectOptions();
    if (options == null) {
      return null;
    }
    return new ConnectOptions(options.getMaxRetry(), seconds(options.getRetryInterval(), "retry_interval"),
        seconds(options.getTimeout(), "timeout"));
  }

  private static Duration seconds(double value, String name) {
    if (value < 0 || Double.isNaN(value)) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return Duration.ofNanos(Math.round(value * 1e9));
  }

  private static ContextTransform transform(GenerateReply event) {
    var transform = event.getContextTransform();
    if (transform == null) {
      return ContextTransform.NONE;
    }
    return new ContextTransform(transform.getTruncateTo(), transform.getExcludeFunctionCall(),
        transform.getExcludeInstructions(), transform.getExcludeEmptyMessage(), transform.getTools());
  }

  private static ObjectNode object(String json, String what) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return object;
  }
}
