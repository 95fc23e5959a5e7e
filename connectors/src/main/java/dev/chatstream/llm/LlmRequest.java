package dev.chatstream.llm;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.tools.ToolChoice;
import dev.chatstream.llm.tools.ToolDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One generation request to a connector.
 *
 * @param requestId the caller's id for this generation (echoed on metrics and errors)
 * @param context the conversation so far; kept as a read-only copy, so later changes to the
 *     caller's context never reach a running request
 * @param tools the tools the model may call (names unique)
 * @param toolChoice whether and which tool to call, or null for the provider default
 * @param parallelToolCalls whether several calls may come in one reply, or null for the default
 * @param connectOptions retries and timeouts
 * @param model a model overriding the connector's own, or null
 * @param extraOptions provider options (temperature, max tokens, ...) sent as given
 * @param providerState what the provider keeps of this conversation, as stored after its last
 *     generation, or null (see {@link ProviderState}); connectors that keep nothing ignore it
 * @param replyId the id the caller will give this reply's message in its context (its function calls
 *     get {@code replyId/fnc_0}, {@code replyId/fnc_1}, ...), or null; lets a stateful connector
 *     recognize the reply's items in the next request
 */
public record LlmRequest(
    String requestId,
    ChatContext context,
    List<ToolDefinition> tools,
    ToolChoice toolChoice,
    Boolean parallelToolCalls,
    ConnectOptions connectOptions,
    String model,
    Map<String, Object> extraOptions,
    ProviderState providerState,
    String replyId) {

  /** Validates and copies. */
  public LlmRequest {
    Objects.requireNonNull(requestId, "request id must not be null");
    Objects.requireNonNull(context, "context must not be null");
    context = context.copy().readOnly();
    tools = tools == null ? List.of() : List.copyOf(tools);
    connectOptions = connectOptions == null ? ConnectOptions.defaults() : connectOptions;
    extraOptions = extraOptions == null || extraOptions.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extraOptions));
  }

  /** A request that carries no provider state and names no reply id. */
  public LlmRequest(
      String requestId,
      ChatContext context,
      List<ToolDefinition> tools,
      ToolChoice toolChoice,
      Boolean parallelToolCalls,
      ConnectOptions connectOptions,
      String model,
      Map<String, Object> extraOptions) {
    this(requestId, context, tools, toolChoice, parallelToolCalls, connectOptions, model, extraOptions, null, null);
  }

  /** A request for {@code context} with no tools and default options. */
  public static LlmRequest of(String requestId, ChatContext context) {
    return new LlmRequest(requestId, context, List.of(), null, null, ConnectOptions.defaults(), null, Map.of());
  }

  /** A copy with these tools. */
  public LlmRequest withTools(List<ToolDefinition> newTools) {
    return new LlmRequest(requestId, context, newTools, toolChoice, parallelToolCalls, connectOptions, model,
        extraOptions, providerState, replyId);
  }

  /** A copy with this tool choice. */
  public LlmRequest withToolChoice(ToolChoice choice) {
    return new LlmRequest(requestId, context, tools, choice, parallelToolCalls, connectOptions, model,
        extraOptions, providerState, replyId);
  }

  /** A copy with parallel tool calls allowed or not. */
  public LlmRequest withParallelToolCalls(Boolean parallel) {
    return new LlmRequest(requestId, context, tools, toolChoice, parallel, connectOptions, model,
        extraOptions, providerState, replyId);
  }

  /** A copy with these connect options. */
  public LlmRequest withConnectOptions(ConnectOptions options) {
    return new LlmRequest(requestId, context, tools, toolChoice, parallelToolCalls, options, model,
        extraOptions, providerState, replyId);
  }

  /** A copy with this model override. */
  public LlmRequest withModel(String modelOverride) {
    return new LlmRequest(requestId, context, tools, toolChoice, parallelToolCalls, connectOptions, modelOverride,
        extraOptions, providerState, replyId);
  }

  /** A copy carrying this provider state (null for none). */
  public LlmRequest withProviderState(ProviderState state) {
    return new LlmRequest(requestId, context, tools, toolChoice, parallelToolCalls, connectOptions, model,
        extraOptions, state, replyId);
  }

  /** A copy naming the id the reply's message will have (null for none). */
  public LlmRequest withReplyId(String id) {
    return new LlmRequest(requestId, context, tools, toolChoice, parallelToolCalls, connectOptions, model,
        extraOptions, providerState, id);
  }

  /** A copy with these extra options. */
  public LlmRequest withExtraOptions(Map<String, Object> options) {
    return new LlmRequest(requestId, context, tools, toolChoice, parallelToolCalls, connectOptions, model,
        options, providerState, replyId);
  }
}
