package dev.chatstream.pipeline.internals.semconv;

import dev.chatstream.llm.LlmError;
import java.util.Map;

/**
 * Names from the OpenTelemetry GenAI semantic conventions (metrics, span attributes and their
 * well-known values), plus chatstream's own attributes, and the mapping of chatstream's provider
 * ids and errors onto them.
 */
public final class GenAi {
  /** The operation of every generation. */
  public static final String OPERATION_CHAT = "chat";

  public static final String OPERATION_NAME = "gen_ai.operation.name";
  public static final String PROVIDER_NAME = "gen_ai.provider.name";
  public static final String REQUEST_MODEL = "gen_ai.request.model";
  public static final String RESPONSE_MODEL = "gen_ai.response.model";
  public static final String RESPONSE_ID = "gen_ai.response.id";
  public static final String RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";
  public static final String CONVERSATION_ID = "gen_ai.conversation.id";
  public static final String TOKEN_TYPE = "gen_ai.token.type";
  public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
  public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
  public static final String REQUEST_TEMPERATURE = "gen_ai.request.temperature";
  public static final String REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";
  public static final String REQUEST_TOP_P = "gen_ai.request.top_p";
  public static final String INPUT_MESSAGES = "gen_ai.input.messages";
  public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
  public static final String ERROR_TYPE = "error.type";

  public static final String TOKEN_INPUT = "input";
  public static final String TOKEN_OUTPUT = "output";

  public static final String METRIC_OPERATION_DURATION = "gen_ai.client.operation.duration";
  public static final String METRIC_TOKEN_USAGE = "gen_ai.client.token.usage";
  public static final String METRIC_TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

  /** chatstream's attribute: the LLM profile a request named (or the default one). */
  public static final String PROFILE = "chatstream.llm.profile";
  /** chatstream's attribute: the request id of a generation. */
  public static final String REQUEST_ID = "chatstream.request.id";
  /** chatstream's attribute: the pipeline's attempt number (1, +1 per restart after a failover). */
  public static final String ATTEMPT = "chatstream.attempt";
  /** chatstream's attribute: the error kind of the semantics (STATUS, CONNECTION, TIMEOUT, OTHER). */
  public static final String ERROR_KIND = "chatstream.error.kind";

  /** The value of {@link #ERROR_TYPE} for a generation that did not fail. */
  public static final String NO_ERROR = "";

  private static final Map<String, String> PROVIDER_NAMES = Map.of(
      "openai", "openai",
      "azure", "azure.ai.openai",
      "anthropic", "anthropic",
      "bedrock", "aws.bedrock",
      "google", "gcp.gemini",
      "mistral", "mistral_ai");

  private GenAi() {}

  /**
   * The {@code gen_ai.provider.name} of one of chatstream's provider ids (the connectors'
   * {@code LlmProvider.provider()}): the convention's well-known value when it has one, else the id.
   */
  public static String providerName(String provider) {
    if (provider == null || provider.isEmpty()) {
      return "unknown";
    }
    return PROVIDER_NAMES.getOrDefault(provider, provider);
  }

  /**
   * The low-cardinality {@code error.type} of an error: the HTTP status when the provider answered with
   * one, else the error kind's name ({@code APIConnectionError}, {@code APITimeoutError},
   * {@code APIError}).
   */
  public static String errorType(LlmError error) {
    return error.status() != null ? Integer.toString(error.status()) : error.kind().wireName();
  }
}
