package dev.chatstream.llm.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete tool call as streamed by a provider: the model asks to run function {@code name}.
 *
 * @param name the function's name
 * @param arguments the arguments as a JSON string, verbatim
 * @param callId the provider's call id
 * @param extra provider-specific data (for example a thought signature)
 */
public record FunctionToolCall(String name, String arguments, String callId, Map<String, Object> extra) {

  /** Validates and copies. */
  public FunctionToolCall {
    Objects.requireNonNull(name, "tool call name must not be null");
    Objects.requireNonNull(arguments, "tool call arguments must not be null");
    Objects.requireNonNull(callId, "tool call id must not be null");
    extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** A call with no extra data. */
  public static FunctionToolCall of(String name, String arguments, String callId) {
    return new FunctionToolCall(name, arguments, callId, Map.of());
  }

  /** Always {@code function}. */
  public String type() {
    return "function";
  }
}
