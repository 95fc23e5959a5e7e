package dev.chatstream.llm.livekit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.testing.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real LiveKit Inference gateway; runs only when {@code LIVEKIT_INFERENCE_API_KEY} is set
 * (with its secret; {@code LIVEKIT_INFERENCE_MODEL} optional).
 */
@EnabledIfEnvironmentVariable(named = "LIVEKIT_INFERENCE_API_KEY", matches = ".+")
class LiveKitInferenceLiveTest {

  @Test
  void streamsAnAnswer() {
    LlmProvider provider = LiveKitInferenceProvider.create(LiveKitInferenceOptions.fromEnvironment(
        System.getenv().getOrDefault("LIVEKIT_INFERENCE_MODEL", "openai/gpt-4.1-mini")));
    RecordingListener listener = new RecordingListener();

    provider.chat(LlmRequest.of("live-lk", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Say hello.")))),
        listener);
    Transcript transcript = Transcript.of(listener);

    assertFalse(transcript.text().isBlank(), "no text: " + transcript);
    LlmMetrics metrics = transcript.metrics();
    assertTrue(metrics.completionTokens() > 0, metrics.toString());
  }
}
