package dev.chatstream.llm.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.format.FormattedContext;
import dev.chatstream.llm.format.ProviderFormat;
import dev.chatstream.llm.format.ProviderFormats;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.options.BodyFields;
import dev.chatstream.llm.tools.ToolOptions;
import java.util.Map;
import java.util.Set;

/**
 * Builds the body of a streaming Messages request: model, {@code max_tokens}, the system prompt as text
 * blocks, the messages in the {@code anthropic} format, extra options, tools with {@code tool_choice}
 * (none at all for {@code tool_choice: none}), {@code stream: true}; with prompt caching, the system
 * prompt, the last tool and the last content block carry {@code cache_control}.
 */
public final class AnthropicBody {

  private static final Set<String> RESERVED = Set.of("model", "messages", "system", "stream", "tools");

  private final int maxTokens;
  private final boolean promptCaching;
  private final Map<String, Object> providerOptions;

  /**
   * Bodies with these defaults.
   *
   * @param maxTokens {@code max_tokens} unless an extra option sets it
   * @param promptCaching whether to mark cache breakpoints
   * @param providerOptions the provider's own extra options
   */
  public AnthropicBody(int maxTokens, boolean promptCaching, Map<String, Object> providerOptions) {
    this.maxTokens = maxTokens;
    this.promptCaching = promptCaching;
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
    FormattedContext context = ProviderFormats.format(request.context(), ProviderFormat.ANTHROPIC);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    body.put("max_tokens", maxTokens);
    if (!context.systemMessages().isEmpty()) {
      ArrayNode system = body.putArray("system");
      context.systemMessages().forEach(text -> system.addObject().put("type", "text").put("text", text));
    }
    body.set("messages", context.messages());
    BodyFields.put(body, BodyFields.merged(providerOptions, request.extraOptions()), RESERVED);
    ToolOptions.of(request.tools(), request.toolChoice(), request.parallelToolCalls()).applyAnthropic(body);
    body.put("stream", true);
    if (promptCaching) {
      markCacheBreakpoints(body);
    }
    return body;
  }

  private static void markCacheBreakpoints(ObjectNode body) {
    markLast(body.get("system"));
    markLast(body.get("tools"));
    JsonNode messages = body.get("messages");
    if (messages != null && !messages.isEmpty()) {
      markLast(messages.get(messages.size() - 1).get("content"));
    }
  }

  private static void markLast(JsonNode blocks) {
    if (blocks instanceof ArrayNode array && !array.isEmpty() && array.get(array.size() - 1) instanceof ObjectNode last) {
      last.putObject("cache_control").put("type", "ephemeral");
    }
  }
}
