package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated server in a child JVM: it serves the connector, follows new behaviour and reports its load. */
@Timeout(120)
class ServerProcessTest {

  @Test
  void aChildProcessServesPacedRepliesAndReportsItsStreamsAndCpu() throws Exception {
    try (ServerProcess server = ServerProcess.start(ServerBehaviour.of(0, 0, 3, 0))) {
      assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"), server.baseUrl());
      LlmProvider provider = OpenAiChatProvider.create(
          OpenAiChatOptions.compatible(server.baseUrl(), SimulatedOpenAiServer.MODEL));
      RecordingListener quick = new RecordingListener();
      provider.chat(request("r1"), quick);
      assertEquals(CompletionChunks.text(3), quick.takeText());

      server.behave(ServerBehaviour.of(1_500, 0, 2, 0));
      RecordingListener slow = new RecordingListener();
      provider.chat(request("r2"), slow);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      int streaming = server.openStreams();
      while (streaming == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        streaming = server.openStreams();
      }
      assertEquals(1, streaming, "the slow reply streams at the server");
      assertTrue(!server.inThisProcess());
      assertTrue(server.awaitIdle(Duration.ofSeconds(10)));
      assertEquals(CompletionChunks.text(2), slow.takeText());
      assertTrue(server.cpuNanos() > 0, "the child reports its own CPU time");
    }
  }

  private static LlmRequest request(String id) {
    return LlmRequest.of(id, ChatContext.of(ChatMessage.of(ChatRole.USER, "Hello")));
  }
}
