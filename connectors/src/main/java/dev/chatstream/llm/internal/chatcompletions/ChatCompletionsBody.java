package dev.chatstream.llm.internal.chatcompletions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.format.ProviderFormat;
import dev.chatstream.llm.format.ProviderFormats;
import dev.chatstream.llm.tools.ToolOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the JSON body of a streaming Chat Completions request: model, messages in the {@code openai}
 * provider format, extra options (an {@code extra_body} map is merged in whole), tools in strict mode
 * with {@code tool_choice} and {@code parallel_tool_calls} (all three dropped without tools),
 * {@code stream: true} with usage included, then the model family's rules (unsupported parameters
 * dropped, a default reasoning effort).
 */
final class ChatCompletionsBody {

  private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsBody.class);
  private static final Set<String> RESERVED = Set.of("model", "messages", "stream", "stream_options", "tools");
  private static final String EXTRA_BODY = "extra_body";

  private final ObjectMapper json;
  private final BodyRules rules;
  private final Map<String, Object> providerOptions;

  ChatCompletionsBody(ObjectMapper json, BodyRules rules, Map<String, Object> providerOptions) {
    this.json = json;
    this.rules = rules;
    this.providerOptions = providerOptions;
  }

  /**
   * The body for {@code request} sent to {@code model}.
   *
   * @throws IllegalArgumentException when an extra option sets a field the connector owns, tool names
   *     repeat, or the tool choice names an unknown function
   * @throws dev.chatstream.llm.format.ProviderFormatException when an item cannot be expressed
   */
  ObjectNode build(LlmRequest request, String model) {
    ObjectNode body = json.createObjectNode();
    body.put("model", model);
    body.set("messages", ProviderFormats.format(request.context(), ProviderFormat.OPENAI).messages());
    mergedOptions(request.extraOptions()).forEach((name, value) -> putOption(body, name, value));
    ToolOptions.of(request.tools(), request.toolChoice(), request.parallelToolCalls()).applyOpenAiChat(body);
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    if (rules.defaultReasoningEffort() && !body.has("reasoning_effort")) {
      String effort = ModelFamily.defaultReasoningEffort(model);
      if (effort != null) {
        body.put("reasoning_effort", effort);
      }
    }
    List<String> dropped = ModelFamily.dropUnsupported(body, model);
    if (!dropped.isEmpty()) {
      LOG.debug("dropped parameters {} that model {} does not support", dropped, model);
    }
    return body;
  }

  private Map<String, Object> mergedOptions(Map<String, Object> requestOptions) {
    Map<String, Object> merged = new LinkedHashMap<>(rules.providerOptionsWin() ? requestOptions : providerOptions);
    merged.putAll(rules.providerOptionsWin() ? providerOptions : requestOptions);
    return merged;
  }

  private void putOption(ObjectNode body, String name, Object value) {
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException("extra option '" + name + "' is set by the connector and cannot be overridden");
    }
    JsonNode node = json.valueToTree(value);
    if (EXTRA_BODY.equals(name) && node instanceof ObjectNode extraBody) {
      extraBody.properties().forEach(field -> putOption(body, field.getKey(), field.getValue()));
      return;
    }
    body.set(name, node);
  }
}
