package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.format.FormattedItem;
import dev.chatstream.llm.internal.chatcompletions.ModelFamily;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.options.BodyFields;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.tools.ToolChoice;
import dev.chatstream.llm.tools.ToolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the body of a Responses request, the same for both transports: {@code model}, the planned
 * {@code input} (left out when empty) with {@code previous_response_id} or {@code conversation}, the
 * provider's options ({@code user}, {@code temperature}, {@code reasoning}, {@code store},
 * {@code metadata}), the extra options (the provider's, then the request's; one set to null removes
 * the field), the tools with
 * {@code tool_choice} and {@code parallel_tool_calls} (the request's, else the provider's; all dropped
 * without tools), then the model family's rules (sampling parameters dropped for reasoning models, a
 * low default reasoning effort for gpt-5). No field is ever null. The HTTP transport adds
 * {@code stream: true}; the WebSocket one wraps the body in {@code response.create}.
 */
final class ResponsesBody {

  private static final Logger LOG = LoggerFactory.getLogger(ResponsesBody.class);
  private static final Set<String> RESERVED = Set.of(
      "type", "model", "input", "stream", "background", "tools", "previous_response_id", "conversation");

  private final OpenAiResponsesOptions options;

  ResponsesBody(OpenAiResponsesOptions options) {
    this.options = options;
  }

  /**
   * The body for {@code request} to {@code model} sending {@code plan}.
   *
   * @throws IllegalArgumentException when an extra option sets a field the connector owns, tool names
   *     repeat, or the tool choice names an unknown function
   */
  ObjectNode build(LlmRequest request, String model, InputPlan plan) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    if (!plan.input().isEmpty()) {
      ArrayNode input = body.putArray("input");
      for (FormattedItem item : plan.input()) {
        input.add(item.json().deepCopy());
      }
    }
    if (plan.previousResponseId() != null) {
      body.put("previous_response_id", plan.previousResponseId());
    }
    if (plan.conversationId() != null) {
      body.put("conversation", plan.conversationId());
    }
    putOptions(body);
    BodyFields.put(body, BodyFields.merged(options.extraOptions(), request.extraOptions()), RESERVED);
    dropNulls(body);
    ToolChoice choice = request.toolChoice() != null ? request.toolChoice() : options.toolChoice();
    Boolean parallel = request.parallelToolCalls() != null ? request.parallelToolCalls() : options.parallelToolCalls();
    ToolOptions.of(request.tools(), choice, parallel).applyOpenAiResponses(body);
    if (!body.has("reasoning")) {
      String effort = ModelFamily.defaultReasoningEffort(model);
      if (effort != null) {
        body.putObject("reasoning").put("effort", effort);
      }
    }
    List<String> dropped = ModelFamily.dropUnsupported(body, model);
    if (!dropped.isEmpty()) {
      LOG.debug("dropped parameters {} that model {} does not support", dropped, model);
    }
    return body;
  }

  private void putOptions(ObjectNode body) {
    if (options.user() != null) {
      body.put("user", options.user());
    }
    if (options.temperature() != null) {
      body.put("temperature", options.temperature());
    }
    if (options.reasoningEffort() != null) {
      body.putObject("reasoning").put("effort", options.reasoningEffort());
    }
    if (options.store() != null) {
      body.put("store", options.store());
    }
    if (!options.metadata().isEmpty()) {
      ObjectNode metadata = body.putObject("metadata");
      options.metadata().forEach(metadata::put);
    }
  }

  /** Removes the fields an extra option set to null: a null unsets a provider option, and is never sent. */
  private static void dropNulls(ObjectNode body) {
    List<String> nulls = new ArrayList<>();
    body.properties().forEach(field -> {
      if (field.getValue().isNull()) {
        nulls.add(field.getKey());
      }
    });
    body.remove(nulls);
  }
}
