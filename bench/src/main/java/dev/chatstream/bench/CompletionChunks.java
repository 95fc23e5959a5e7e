package dev.chatstream.bench;

import java.nio.charset.StandardCharsets;

/**
 * The server-sent events of one streamed Chat Completions reply, in OpenAI's wire format: a role
 * delta, content deltas, a finish chunk, a usage chunk ({@code choices: []}) and {@code [DONE]}.
 * Every content delta is one word of a fixed text, so a reply of n tokens reads the same each time.
 */
final class CompletionChunks {
  static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

  private static final String[] WORDS = {
      "Streaming", " replies", " arrive", " one", " token", " at", " a", " time", ",", " and", " every",
      " chunk", " becomes", " an", " event", " on", " a", " Kafka", " topic", "."};

  private final String prefix;

  CompletionChunks(String completionId, long createdSeconds, String model) {
    this.prefix = "data: {\"id\":\"" + completionId + "\",\"object\":\"chat.completion.chunk\",\"created\":"
        + createdSeconds + ",\"model\":\"" + model + "\",\"system_fingerprint\":\"fp_chatstream_bench\",";
  }

  /** The word content delta {@code k} (from 0) carries. */
  static String token(int k) {
    return WORDS[k % WORDS.length];
  }

  /** The text of a reply of {@code tokens} content deltas. */
  static String text(int tokens) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < tokens; k++) {
      text.append(token(k));
    }
    return text.toString();
  }

  byte[] roleDelta() {
    return choice("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null");
  }

  byte[] content(int k) {
    return choice("{\"content\":\"" + token(k) + "\"}", "null");
  }

  byte[] finish() {
    return choice("{}", "\"stop\"");
  }

  byte[] usage(int promptTokens, int completionTokens) {
    return bytes(prefix + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
        + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens)
        + ",\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n");
  }

  private byte[] choice(String delta, String finishReason) {
    return bytes(prefix + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
        + finishReason + "}]}\n\n");
  }

  private static byte[] bytes(String event) {
    return event.getBytes(StandardCharsets.UTF_8);
  }
}
