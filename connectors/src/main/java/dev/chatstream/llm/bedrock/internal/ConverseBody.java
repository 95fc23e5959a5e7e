package dev.chatstream.llm.bedrock.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.format.FormattedContext;
import dev.chatstream.llm.format.ProviderFormat;
import dev.chatstream.llm.format.ProviderFormats;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.options.BodyFields;
import dev.chatstream.llm.tools.ToolOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the body of a ConverseStream request: the messages in the {@code aws} format (external image
 * URLs are a format error), the system prompt as text blocks, {@code inferenceConfig} from the
 * inference options, other extra options as given, and {@code toolConfig} (no tools for
 * {@code tool_choice: none}). The model travels in the URL.
 */
public final class ConverseBody {

  /** Extra option names, in chatstream's and LiveKit's spelling, and their {@code inferenceConfig} names. */
  static final Map<String, String> INFERENCE_SETTINGS = Map.of(
      "max_tokens", "maxTokens", "maxTokens", "maxTokens",
      "temperature", "temperature",
      "top_p", "topP", "topP", "topP",
      "stop_sequences", "stopSequences", "stopSequences", "stopSequences");

  private static final Set<String> RESERVED = Set.of("messages", "system", "toolConfig", "inferenceConfig");

  private final Map<String, Object> providerOptions;

  /** Bodies with the provider's own extra options. */
  public ConverseBody(Map<String, Object> providerOptions) {
    this.providerOptions = providerOptions;
  }

  /**
   * The body of {@code request}.
   *
   * @throws IllegalArgumentException when an option sets a field the connector owns, tool names repeat,
   *     or the tool choice names an unknown function
   * @throws dev.chatstream.llm.format.ProviderFormatException when an item cannot be expressed (an
   *     image given by URL)
   */
  public ObjectNode build(LlmRequest request) {
    FormattedContext context = ProviderFormats.format(request.context(), ProviderFormat.AWS);
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("messages", context.messages());
    if (!context.systemMessages().isEmpty()) {
      ArrayNode system = body.putArray("system");
      context.systemMessages().forEach(text -> system.addObject().put("text", text));
    }
    Map<String, Object> inference = new LinkedHashMap<>();
    Map<String, Object> others = new LinkedHashMap<>();
    BodyFields.merged(providerOptions, request.extraOptions()).forEach((name, value) -> {
      if (INFERENCE_SETTINGS.containsKey(name)) {
        inference.put(INFERENCE_SETTINGS.get(name), value);
      } else {
        others.put(name, value);
      }
    });
    BodyFields.put(body, others, RESERVED);
    if (!inference.isEmpty()) {
      BodyFields.put(body.putObject("inferenceConfig"), inference, Set.of());
    }
    ToolOptions.of(request.tools(), request.toolChoice(), request.parallelToolCalls()).applyAws(body);
    return body;
  }
}
