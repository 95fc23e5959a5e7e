package dev.chatstream.llm.fallback;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmProviderContract;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.fallback.ScriptedProvider.Script;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.offline.OfflineProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The adapter honours the stream contract while falling back from a failing member to the offline provider. */
class FallbackAdapterContractTest extends LlmProviderContract {
  private OfflineProvider offline;

  @Override
  protected LlmProvider newProvider() {
    offline = OfflineProvider.create(OfflinePacing.of(Duration.ZERO, Duration.ofMillis(2)));
    return FallbackAdapter.of(List.of(ScriptedProvider.of("down", Script.fails("unreachable")), offline));
  }

  @Override
  protected LlmRequest successfulRequest() {
    return request("contract-ok", "hello through the fallback");
  }

  @Override
  protected LlmRequest slowRequest() {
    return request("contract-slow", "word ".repeat(5000));
  }

  @Override
  protected String expectedMetricsLabel(LlmProvider llm) {
    return OfflineProvider.LABEL;
  }

  @AfterEach
  void closeMembers() {
    offline.close();
  }

  private static LlmRequest request(String id, String text) {
    return LlmRequest.of(id, ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, text))));
  }
}
