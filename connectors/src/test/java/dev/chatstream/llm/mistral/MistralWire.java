package dev.chatstream.llm.mistral;

import java.util.List;

/** Mistral stream bodies written for tests (the recorded ones live in the fixtures). */
final class MistralWire {

  private static final String ID = "b3999b8c93e04e11bcbff7bcab829667";

  private MistralWire() {}

  static String event(String json) {
    return "data: " + json + "\n\n";
  }

  static String chunk(String delta, String finishReason, String usage) {
    return event("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":1769088854,"
        + "\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]" + (usage == null ? "" : ",\"usage\":" + usage)
        + "}");
  }

  static String roleChunk() {
    return chunk("{\"role\":\"assistant\",\"content\":\"\"}", null, null);
  }

  static String contentChunk(String text) {
    return chunk("{\"content\":\"" + text + "\"}", null, null);
  }

  static String usage(int prompt, int completion) {
    return "{\"prompt_tokens\":" + prompt + ",\"total_tokens\":" + (prompt + completion) + ",\"completion_tokens\":"
        + completion + "}";
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  static String textStream(List<String> pieces) {
    StringBuilder body = new StringBuilder(roleChunk());
    pieces.forEach(piece -> body.append(contentChunk(piece)));
    return body.append(chunk("{\"content\":\"\"}", "stop", usage(11, pieces.size()))).append(done()).toString();
  }

  static String errorBody(String message) {
    return "{\"object\":\"error\",\"message\":\"" + message + "\",\"type\":\"invalid_request_message_error\","
        + "\"param\":null,\"code\":\"3230\"}";
  }
}
