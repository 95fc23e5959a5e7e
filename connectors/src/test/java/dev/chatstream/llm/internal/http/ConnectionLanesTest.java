package dev.chatstream.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionLanesTest {

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient base = SharedHttpClient.create(HttpClientSettings.defaults().withMaxRequests(1000, 1000));

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sizesLanesForTheCallLimitAndSharesTheDispatcher() {
    ConnectionLanes lanes = ConnectionLanes.split(base, 1000, 16, Duration.ofMinutes(1));

    assertEquals(8, lanes.size());
    assertSame(base.dispatcher(), lanes.lane(7).dispatcher());
    assertNotSame(lanes.lane(0).connectionPool(), lanes.lane(1).connectionPool());
    assertEquals(1, ConnectionLanes.single(base).size());
  }

  @Test
  void aLightlyLoadedProcessReusesOneConnectionInTheFirstLane() throws IOException {
    ConnectionLanes lanes = ConnectionLanes.split(base, 1000, 16, Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().body("ok").build());
    }

    for (int i = 0; i < 5; i++) {
      int lane = lanes.pick();
      assertEquals(0, lane);
      call(lanes.lane(lane));
    }

    assertEquals(1, lanes.lane(0).connectionPool().connectionCount());
    assertEquals(0, lanes.lane(1).connectionPool().connectionCount());
    assertEquals(0, lanes.running(0));
  }

  @Test
  void callsPastALanesLimitOpenConnectionsInTheNextLane() throws Exception {
    int calls = ConnectionLanes.CALLS_PER_LANE + 2;
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(30, TimeUnit.SECONDS);
        return new MockResponse.Builder().body("ok").build();
      }
    });
    ConnectionLanes lanes = ConnectionLanes.split(base, 1000, 16, Duration.ofMinutes(1));
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < calls; i++) {
        OkHttpClient client = lanes.lane(lanes.pick());
        running.add(threads.submit(() -> call(client)));
        server.takeRequest(10, TimeUnit.SECONDS);
      }

      assertEquals(ConnectionLanes.CALLS_PER_LANE, lanes.running(0));
      assertEquals(2, lanes.running(1));
      assertEquals(ConnectionLanes.CALLS_PER_LANE, lanes.lane(0).connectionPool().connectionCount());
      assertEquals(2, lanes.lane(1).connectionPool().connectionCount());
      release.countDown();
      for (Future<?> call : running) {
        call.get(30, TimeUnit.SECONDS);
      }
    }
    assertTrue(lanes.running(0) == 0 && lanes.running(1) == 0, "every call counted out at its end");
  }

  @Test
  void aFailedCallLeavesItsLane() {
    ConnectionLanes lanes = ConnectionLanes.split(base, 1000, 16, Duration.ofMinutes(1));
    server.close();

    assertThrows(IOException.class, () -> call(lanes.lane(0)));

    assertEquals(0, lanes.running(0));
  }

  private String call(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      return response.body().string();
    }
  }
}
