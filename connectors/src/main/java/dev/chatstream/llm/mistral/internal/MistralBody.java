package dev.chatstream.llm.mistral.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.format.ProviderFormat;
import dev.chatstream.llm.format.ProviderFormats;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.options.BodyFields;
import dev.chatstream.llm.tools.ToolOptions;
import java.util.Map;
import java.util.Set;

/**
 * Builds the body of a streaming Mistral chat completions request: model, the messages from the
 * {@code mistralai} format, extra options, tools (their schemas as given: Mistral has no strict mode)
 * with {@code tool_choice} and {@code parallel_tool_calls}, and {@code stream: true}. No
 * {@code stream_options}: Mistral rejects fields it does not know and sends the usage in the last chunk
 * anyway.
 */
public final class MistralBody {

  private static final Set<String> RESERVED = Set.of("model", "messages", "stream", "tools");

  private final Map<String, Object> providerOptions;

  /** Bodies with the provider's own extra options. */
  public MistralBody(Map<String, Object> providerOptions) {
    this.providerOptions = providerOptions;
  }

  /**
   * The body of {@code request} for {@code model}.
   *
   * @throws IllegalArgumentException when an extra option sets a field the connector owns, tool names
   *     repeat, or the tool choice names an unknown function
   * @throws dev.chatstream.llm.format.ProviderFormatException when an item cannot be expressed
   */
  public ObjectNode build(LlmRequest request, String model) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    body.set("messages", MistralMessages.of(ProviderFormats.format(request.context(), ProviderFormat.MISTRALAI)));
    BodyFields.put(body, BodyFields.merged(providerOptions, request.extraOptions()), RESERVED);
    ToolOptions.of(request.tools(), request.toolChoice(), request.parallelToolCalls()).applyOpenAiChat(body, false);
    body.put("stream", true);
    return body;
  }
}
