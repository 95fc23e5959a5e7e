package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.tools.ToolChoice;
import dev.chatstream.llm.tools.ToolDefinition;
import dev.chatstream.pipeline.LlmRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code generate_reply} request as the pipeline runs it.
 *
 * @param requestId the request's id, echoed on every output event
 * @param llm the LLM profile to use, or null for the default profile
 * @param model a model overriding the profile's, or null
 * @param options provider options overriding the profile's
 * @param tools the tools the model may call (names unique)
 * @param toolChoice whether and which tool to call, or null
 * @param parallelToolCalls whether several calls may come in one reply, or null
 * @param connectOptions retries and timeouts, or null for the profile's
 * @param transform what to do to the context before sending it
 * @param autoToolReply generate the next reply once every function call has its output
 * @param maxToolSteps the most replies one tool loop may run
 * @param interrupt cancel the conversation's running generation first
 * @param metadata echoed on every output event
 */
public record ReplyRequest(
    String requestId,
    String llm,
    String model,
    Map<String, Object> options,
    List<ToolDefinition> tools,
    ToolChoice toolChoice,
    Boolean parallelToolCalls,
    ConnectOptions connectOptions,
    ContextTransform transform,
    boolean autoToolReply,
    int maxToolSteps,
    boolean interrupt,
    Map<String, String> metadata) {

  /** Validates and copies. */
  public ReplyRequest {
    Objects.requireNonNull(requestId, "request_id");
    if (requestId.isBlank()) {
      throw new IllegalArgumentException("request_id must not be empty");
    }
    if (maxToolSteps < 1) {
      throw new IllegalArgumentException("max_tool_steps must be >= 1, was " + maxToolSteps);
    }
    options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    tools = tools == null ? List.of() : List.copyOf(tools);
    transform = transform == null ? ContextTransform.NONE : transform;
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The profile this request runs on: the one it names, or the registry's default. */
  public String profileIn(LlmRegistry registry) {
    return llm != null ? llm : registry.defaultProfile();
  }

  /** This request under another id (the steps of a tool loop), never interrupting. */
  public ReplyRequest withRequestId(String id) {
    if (requestId.equals(id)) {
      return this;
    }
    return new ReplyRequest(id, llm, model, options, tools, toolChoice, parallelToolCalls, connectOptions, transform,
        autoToolReply, maxToolSteps, false, metadata);
  }
}
