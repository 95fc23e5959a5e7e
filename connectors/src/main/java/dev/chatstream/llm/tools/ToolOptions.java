package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The tool fields of one request — tools, {@code tool_choice} and {@code parallel_tool_calls} — and
 * how each provider API carries them in its request body.
 *
 * <p>Each {@code apply...} method writes the whole block into a request body. With no tools, the
 * block's fields are removed (a {@code tool_choice} or {@code parallel_tool_calls} left in the body by
 * extra options too), since the APIs reject a tool choice without tools. A null choice or parallel
 * flag leaves the provider's default (or a value already in the body) alone. Call it after copying
 * extra options into the body.
 *
 * @param tools the tools
 * @param toolChoice whether and which tool to call, or null for the provider's default
 * @param parallelToolCalls whether one reply may hold several calls, or null for the default
 */
public record ToolOptions(ToolSet tools, ToolChoice toolChoice, Boolean parallelToolCalls) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the choice names a function that is not among the tools
   */
  public ToolOptions {
    tools = tools == null ? ToolSet.empty() : tools;
    if (toolChoice instanceof ToolChoice.Function function && !tools.isEmpty() && !tools.contains(function.name())) {
      throw new IllegalArgumentException("tool_choice names function '" + function.name()
          + "', which is not among the tools " + tools.names());
    }
  }

  /**
   * Options for {@code tools} (names unique), {@code toolChoice} and {@code parallelToolCalls}.
   *
   * @throws IllegalArgumentException on duplicate tool names or a choice naming an unknown function
   */
  public static ToolOptions of(List<? extends ToolDefinition> tools, ToolChoice toolChoice, Boolean parallelToolCalls) {
    return new ToolOptions(ToolSet.of(tools == null ? List.of() : tools), toolChoice, parallelToolCalls);
  }

  /** Chat Completions, strict schemas: {@code tools}, {@code tool_choice}, {@code parallel_tool_calls}. */
  public ObjectNode applyOpenAiChat(ObjectNode body) {
    return applyOpenAiChat(body, true);
  }

  /** Chat Completions, with strict schemas or not (see {@link ToolFormats#openAiChat(ToolSet, boolean)}). */
  public ObjectNode applyOpenAiChat(ObjectNode body, boolean strict) {
    Objects.requireNonNull(body, "body must not be null");
    if (tools.isEmpty()) {
      body.remove(List.of("tools", "tool_choice", "parallel_tool_calls"));
      return body;
    }
    body.set("tools", ToolFormats.openAiChat(tools, strict));
    if (toolChoice != null) {
      body.set("tool_choice", ToolChoiceFormats.openAiChat(toolChoice));
    }
    return putParallel(body);
  }

  /** Responses API: {@code tools}, {@code tool_choice}, {@code parallel_tool_calls}. */
  public ObjectNode applyOpenAiResponses(ObjectNode body) {
    Objects.requireNonNull(body, "body must not be null");
    if (tools.isEmpty()) {
      body.remove(List.of("tools", "tool_choice", "parallel_tool_calls"));
      return body;
    }
    body.set("tools", ToolFormats.openAiResponses(tools));
    if (toolChoice != null) {
      body.set("tool_choice", ToolChoiceFormats.openAiResponses(toolChoice));
    }
    return putParallel(body);
  }

  /**
   * Anthropic Messages: {@code tools} and {@code tool_choice}, which carries
   * {@code disable_parallel_tool_use}; {@code none} sends no tools.
   */
  public ObjectNode applyAnthropic(ObjectNode body) {
    Objects.requireNonNull(body, "body must not be null");
    if (tools.isEmpty() || ToolChoice.NONE.equals(toolChoice)) {
      body.remove(List.of("tools", "tool_choice"));
      return body;
    }
    body.set("tools", ToolFormats.anthropic(tools));
    if (toolChoice != null || parallelToolCalls != null) {
      body.set("tool_choice", ToolChoiceFormats.anthropic(toolChoice, parallelToolCalls));
    }
    return body;
  }

  /** Bedrock Converse: {@code toolConfig {tools, toolChoice}}; {@code none} sends no tools. */
  public ObjectNode applyAws(ObjectNode body) {
    Objects.requireNonNull(body, "body must not be null");
    if (tools.isEmpty() || ToolChoice.NONE.equals(toolChoice)) {
      body.remove("toolConfig");
      return body;
    }
    ObjectNode config = body.putObject("toolConfig");
    config.set("tools", ToolFormats.aws(tools));
    if (toolChoice != null) {
      config.set("toolChoice", ToolChoiceFormats.aws(toolChoice));
    }
    return body;
  }

  /** Gemini: {@code tools [{function_declarations}]} and {@code tool_config {function_calling_config}}. */
  public ObjectNode applyGoogle(ObjectNode body) {
    Objects.requireNonNull(body, "body must not be null");
    if (tools.isEmpty()) {
      body.remove(List.of("tools", "tool_config", "toolConfig"));
      return body;
    }
    body.set("tools", ToolFormats.google(tools));
    if (toolChoice != null) {
      body.remove("toolConfig");
      body.set("tool_config", ToolChoiceFormats.google(toolChoice));
    }
    return body;
  }

  private ObjectNode putParallel(ObjectNode body) {
    if (parallelToolCalls != null) {
      body.put("parallel_tool_calls", parallelToolCalls.booleanValue());
    }
    return body;
  }
}
