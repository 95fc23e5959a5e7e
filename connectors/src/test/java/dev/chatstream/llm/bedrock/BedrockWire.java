package dev.chatstream.llm.bedrock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * ConverseStream bodies written for tests (the recorded ones live in the fixtures), framed by the AWS
 * SDK's event-stream encoder. The contract test base deals in text, so a body is its bytes as
 * ISO-8859-1 characters, one per byte; {@link BedrockProviderTest#encode} turns it back.
 */
final class BedrockWire {

  private BedrockWire() {}

  static String event(String type, String json) {
    return frame(Map.of(":message-type", "event", ":event-type", type, ":content-type", "application/json"), json);
  }

  static String exception(String type, String message) {
    return frame(Map.of(":message-type", "exception", ":exception-type", type, ":content-type", "application/json"),
        "{\"message\":\"" + message + "\"}");
  }

  static String frame(Map<String, String> headers, String payload) {
    Map<String, HeaderValue> values = new LinkedHashMap<>();
    headers.forEach((name, value) -> values.put(name, HeaderValue.fromString(value)));
    ByteBuffer bytes = new Message(values, payload.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
    byte[] array = new byte[bytes.remaining()];
    bytes.get(array);
    return new String(array, StandardCharsets.ISO_8859_1);
  }

  static String messageStart() {
    return event("messageStart", "{\"p\":\"abcdef\",\"role\":\"assistant\"}");
  }

  static String textDelta(int index, String text) {
    return event("contentBlockDelta", "{\"contentBlockIndex\":" + index + ",\"delta\":{\"text\":\"" + text + "\"},\"p\":\"ab\"}");
  }

  static String blockStop(int index) {
    return event("contentBlockStop", "{\"contentBlockIndex\":" + index + "}");
  }

  static String toolStart(int index, String id, String name) {
    return event("contentBlockStart", "{\"contentBlockIndex\":" + index + ",\"start\":{\"toolUse\":{\"name\":\"" + name
        + "\",\"toolUseId\":\"" + id + "\"}}}");
  }

  static String toolDelta(int index, String inputJson) {
    return event("contentBlockDelta", "{\"contentBlockIndex\":" + index + ",\"delta\":{\"toolUse\":{\"input\":"
        + "\"" + inputJson.replace("\"", "\\\"") + "\"}}}");
  }

  static String messageStop(String reason) {
    return event("messageStop", "{\"stopReason\":\"" + reason + "\"}");
  }

  static String metadata(int input, int output, int cacheRead, int cacheWrite) {
    return event("metadata", "{\"metrics\":{\"latencyMs\":300},\"usage\":{\"inputTokens\":" + input + ",\"outputTokens\":"
        + output + ",\"cacheReadInputTokens\":" + cacheRead + ",\"cacheWriteInputTokens\":" + cacheWrite
        + ",\"totalTokens\":" + (input + output + cacheRead + cacheWrite) + "}}");
  }

  static String textStream(List<String> pieces) {
    StringBuilder body = new StringBuilder(messageStart());
    pieces.forEach(piece -> body.append(textDelta(0, piece)));
    return body.append(blockStop(0)).append(messageStop("end_turn")).append(metadata(11, pieces.size(), 0, 0))
        .toString();
  }

  static String errorBody(String message) {
    return "{\"message\":\"" + message + "\"}";
  }
}
