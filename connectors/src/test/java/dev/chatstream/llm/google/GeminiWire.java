package dev.chatstream.llm.google;

import java.util.List;

/** Gemini stream bodies written for tests (the recorded ones live in the fixtures). */
final class GeminiWire {

  static final String RESPONSE_ID = "resp-test-1";

  private GeminiWire() {}

  static String event(String json) {
    return "data: " + json + "\r\n\r\n";
  }

  static String parts(String partsJson, String finishReason) {
    return event("{\"candidates\": [{\"content\": {\"parts\": [" + partsJson + "],\"role\": \"model\"}"
        + (finishReason == null ? "" : ",\"finishReason\": \"" + finishReason + "\"") + "}],"
        + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"" + RESPONSE_ID + "\"}");
  }

  static String text(String text) {
    return parts("{\"text\": \"" + text + "\"}", null);
  }

  static String finish(int prompt, int candidates, int thoughts, int cached) {
    return event("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"\"}],\"role\": \"model\"},"
        + "\"finishReason\": \"STOP\"}],\"usageMetadata\": {\"promptTokenCount\": " + prompt
        + ",\"candidatesTokenCount\": " + candidates + ",\"thoughtsTokenCount\": " + thoughts
        + ",\"cachedContentTokenCount\": " + cached + ",\"totalTokenCount\": " + (prompt + candidates + thoughts)
        + "},\"responseId\": \"" + RESPONSE_ID + "\"}");
  }

  static String preamble() {
    return parts("", null);
  }

  static String textStream(List<String> pieces) {
    StringBuilder body = new StringBuilder();
    pieces.forEach(piece -> body.append(text(piece)));
    return body.append(finish(11, pieces.size(), 0, 0)).toString();
  }

  static String errorBody(int code, String status, String message) {
    return "{\"error\": {\"code\": " + code + ",\"message\": \"" + message + "\",\"status\": \"" + status + "\"}}";
  }
}
