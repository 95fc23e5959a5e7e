package dev.chatstream.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SharedHttpClientTest {

  @Test
  void allowsThousandsOfConcurrentStreamsToOneHost() {
    OkHttpClient client = SharedHttpClient.get();

    assertTrue(client.dispatcher().getMaxRequests() >= 1000);
    assertTrue(client.dispatcher().getMaxRequestsPerHost() >= 1000);
    assertSame(client, SharedHttpClient.get());
  }

  @Test
  void hasNoCallTimeout() {
    assertEquals(0, SharedHttpClient.get().callTimeoutMillis());
  }

  @Test
  void attemptVariantsUseConnectAndReadTimeoutsAndShareThePool() {
    OkHttpClient base = SharedHttpClient.get();

    OkHttpClient variant = SharedHttpClient.withAttemptTimeout(base, Duration.ofSeconds(7));

    assertEquals(7000, variant.connectTimeoutMillis());
    assertEquals(7000, variant.readTimeoutMillis());
    assertEquals(7000, variant.writeTimeoutMillis());
    assertEquals(0, variant.callTimeoutMillis());
    assertSame(base.connectionPool(), variant.connectionPool());
    assertSame(base.dispatcher(), variant.dispatcher());
  }

  @Test
  void reusesAVariantPerTimeout() {
    AttemptClients clients = new AttemptClients(ConnectionLanes.single(SharedHttpClient.get()));

    assertSame(clients.forTimeout(Duration.ofSeconds(3)), clients.forTimeout(Duration.ofSeconds(3)));
    assertEquals(4000, clients.forTimeout(Duration.ofSeconds(4)).readTimeoutMillis());
  }

  @Test
  void sizesItsOwnClients() {
    OkHttpClient client = SharedHttpClient.create(HttpClientSettings.defaults().withMaxRequests(50, 20));

    assertEquals(50, client.dispatcher().getMaxRequests());
    assertEquals(20, client.dispatcher().getMaxRequestsPerHost());
    assertThrows(IllegalArgumentException.class, () -> HttpClientSettings.defaults().withMaxRequests(0, 1));
  }
}
