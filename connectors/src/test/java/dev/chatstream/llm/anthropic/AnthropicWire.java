package dev.chatstream.llm.anthropic;

import java.util.List;

/** Messages stream bodies written for tests (the recorded ones live in the fixtures). */
final class AnthropicWire {

  static final String MESSAGE_ID = "msg_test01";

  private AnthropicWire() {}

  static String event(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  static String messageStart(int inputTokens, int cacheCreation, int cacheRead) {
    return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"" + MESSAGE_ID + "\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[],"
        + "\"stop_reason\":null,\"usage\":{\"input_tokens\":" + inputTokens + ",\"cache_creation_input_tokens\":"
        + cacheCreation + ",\"cache_read_input_tokens\":" + cacheRead + ",\"output_tokens\":1}}}");
  }

  static String textStart(int index) {
    return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
        + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
  }

  static String textDelta(int index, String text) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
  }

  static String blockStop(int index) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  static String toolStart(int index, String id, String name) {
    return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
        + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":{}}}");
  }

  static String inputDelta(int index, String partialJson) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
        + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + quoted(partialJson) + "}}");
  }

  static String messageDelta(String stopReason, int outputTokens) {
    return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
        + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
  }

  static String messageStop() {
    return event("message_stop", "{\"type\":\"message_stop\"}");
  }

  static String error(String type, String message) {
    return event("error", errorBody(type, message));
  }

  static String errorBody(String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
  }

  static String textStream(List<String> pieces) {
    StringBuilder body = new StringBuilder(messageStart(11, 0, 0)).append(textStart(0));
    pieces.forEach(piece -> body.append(textDelta(0, piece)));
    return body.append(blockStop(0)).append(messageDelta("end_turn", pieces.size())).append(messageStop()).toString();
  }

  /** A reply that calls {@code get_weather} for Paris, its input in three fragments. */
  static String toolCallStream() {
    return messageStart(40, 0, 0) + toolStart(0, "toolu_01", "get_weather") + inputDelta(0, "")
        + inputDelta(0, "{\"city\": ") + inputDelta(0, "\"Paris\"}") + blockStop(0)
        + messageDelta("tool_use", 12) + messageStop();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
