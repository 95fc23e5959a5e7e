package dev.chatstream.llm.openai;

import java.util.List;

/** Chat Completions stream bodies written for tests (the recorded ones live in the fixtures). */
final class ChatCompletionsWire {

  private static final String ID = "chatcmpl-test";

  private ChatCompletionsWire() {}

  static String event(String json) {
    return "data: " + json + "\n\n";
  }

  static String roleChunk() {
    return event("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
  }

  static String contentChunk(String text) {
    return event("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}");
  }

  static String finishChunk(String reason) {
    return event("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}");
  }

  static String usageChunk(int completion, int prompt, int cached) {
    return event("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{"
        + "\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
        + (prompt + completion) + ",\"prompt_tokens_details\":{\"cached_tokens\":" + cached + "}}}");
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  static String textStream(List<String> pieces) {
    StringBuilder body = new StringBuilder(roleChunk());
    pieces.forEach(piece -> body.append(contentChunk(piece)));
    return body.append(finishChunk("stop")).append(usageChunk(pieces.size(), 11, 3)).append(done()).toString();
  }

  static String errorBody(String message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
  }
}
