package dev.chatstream.llm.google.internal;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the body of a {@code streamGenerateContent} request: the contents in the {@code google}
 * format, the system instruction apart, tools with {@code tool_config}, and the extra options:
 * Gemini's generation settings into {@code generation_config}, the others into the body as given.
 */
public final class GeminiBody {

  /** Extra options that are generation settings (either spelling: {@code top_p} or {@code topP}). */
  static final Set<String> GENERATION_SETTINGS = Set.of(
      "temperature", "top_p", "top_k", "candidate_count", "max_output_tokens", "stop_sequences",
      "presence_penalty", "frequency_penalty", "seed", "response_mime_type", "response_schema",
      "response_json_schema", "response_logprobs", "logprobs", "thinking_config", "media_resolution",
      "response_modalities");

  private static final Set<String> RESERVED = Set.of(
      "contents", "system_instruction", "systemInstruction", "tools", "tool_config", "toolConfig",
      "generation_config", "generationConfig");

  private final Map<String, Object> providerOptions;

  /** Bodies with the provider's own extra options. */
  public GeminiBody(Map<String, Object> providerOptions) {
    this.providerOptions = providerOptions;
  }

  /**
   * The body of {@code request}.
   *
   * @throws IllegalArgumentException when an option sets a field the connector owns, tool names
   *     repeat, or a tool schema cannot be expressed in Gemini's subset
   * @throws dev.chatstream.llm.format.ProviderFormatException when an item cannot be expressed
   */
  public ObjectNode build(LlmRequest request) {
    FormattedContext context = ProviderFormats.format(request.context(), ProviderFormat.GOOGLE);
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("contents", context.messages());
    if (!context.systemMessages().isEmpty()) {
      ArrayNode parts = body.putObject("system_instruction").putArray("parts");
      context.systemMessages().forEach(text -> parts.addObject().put("text", text));
    }
    Map<String, Object> generation = new LinkedHashMap<>();
    Map<String, Object> others = new LinkedHashMap<>();
    BodyFields.merged(providerOptions, request.extraOptions()).forEach((name, value) ->
        (GENERATION_SETTINGS.contains(snakeCase(name)) ? generation : others).put(name, value));
    BodyFields.put(body, others, RESERVED);
    if (!generation.isEmpty()) {
      BodyFields.put(body.putObject("generation_config"), generation, Set.of());
    }
    ToolOptions.of(request.tools(), request.toolChoice(), request.parallelToolCalls()).applyGoogle(body);
    return body;
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
