package dev.chatstream.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which host an instance publishes as {@code application.server}. */
class AdvertisedHostTest {

  @Test
  void theAdvertisedHostWinsThenAConcreteListenHostThenTheMachineName() {
    assertEquals("chatstream-1", ChatstreamService.advertisedHost(ChatstreamConfig.of(Map.of(
        ChatstreamConfig.HTTP_ADVERTISED_HOST_CONFIG, "chatstream-1", ChatstreamConfig.HTTP_HOST_CONFIG, "10.0.0.5"))));
    assertEquals("10.0.0.5", ChatstreamService.advertisedHost(ChatstreamConfig.of(Map.of(
        ChatstreamConfig.HTTP_HOST_CONFIG, "10.0.0.5"))));
    String machine = ChatstreamService.advertisedHost(ChatstreamConfig.of(Map.of()));
    assertFalse(machine.isBlank() || machine.equals("0.0.0.0"), machine);
  }
}
