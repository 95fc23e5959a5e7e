package dev.chatstream.llm.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A loopback Responses server for both transports: a WebSocket upgrade on {@code /v1/responses}
 * answers each {@code response.create} message with the next queued {@link Script} (the same events
 * an SSE body carries, one per message), and a POST gets the next queued HTTP response. It records
 * every message and handshake, can refuse upgrades, and counts the sockets it accepted.
 */
public final class ResponsesSocketServer implements AutoCloseable {

  /** One step of a scripted socket answer. */
  public sealed interface Step {}

  /** Sends one event. */
  public record Send(String event) implements Step {}

  /** Closes the socket from the server's side, with a close frame. */
  public record Close(int code, String reason) implements Step {}

  /** Keeps the socket open until the client goes away, then opens {@code clientGone}. */
  public record HoldUntilClientLeaves(CountDownLatch clientGone) implements Step {}

  /** What the server answers one {@code response.create} with. */
  public record Script(List<Step> steps) {
    /** Sends these events, in order. */
    public static Script events(List<String> events) {
      return new Script(events.stream().<Step>map(Send::new).toList());
    }

    /** Sends these events, then does {@code last}. */
    public static Script eventsThen(List<String> events, Step last) {
      List<Step> steps = new ArrayList<>(events(events).steps());
      steps.add(last);
      return new Script(steps);
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
  private final BlockingQueue<MockResponse> http = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> handshakes = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refusals = new AtomicInteger();
  private volatile MockResponse refusal;

  /** A started server. */
  public ResponsesSocketServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's URL for {@code path}. */
  public HttpUrl url(String path) {
    return server.url(path);
  }

  /** Queues the answer to the next {@code response.create}, on whichever socket it arrives. */
  public void enqueue(Script script) {
    scripts.add(script);
  }

  /** Queues the answer to the next POST. */
  public void enqueueHttp(MockResponse response) {
    http.add(response);
  }

  /** Answers the next {@code times} upgrade requests with {@code response} instead of a socket. */
  public void refuseUpgrades(int times, MockResponse response) {
    refusal = response;
    refusals.set(times);
  }

  /** The next message a client sent, waiting up to five seconds. */
  public String takeMessage() throws InterruptedException {
    String message = messages.poll(5, TimeUnit.SECONDS);
    assertNotNull(message, "no message arrived");
    return message;
  }

  /** The messages received and not taken yet. */
  public List<String> pendingMessages() {
    return List.copyOf(messages);
  }

  /** The upgrade requests, accepted or refused, in order. */
  public List<RecordedRequest> handshakes() {
    return List.copyOf(handshakes);
  }

  /** The POST requests, in order. */
  public List<RecordedRequest> posts() {
    return List.copyOf(posts);
  }

  /** How many sockets the server accepted. */
  public int socketsAccepted() {
    return accepted.get();
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) {
    if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
      handshakes.add(request);
      if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        return refusal;
      }
      accepted.incrementAndGet();
      return new MockResponse.Builder().addHeader("x-request-id", "req_ws_" + accepted.get())
          .webSocketUpgrade(new ScriptedSocket()).build();
    }
    posts.add(request);
    MockResponse next = http.poll();
    return next != null ? next : new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"none\"}}").build();
  }

  /** The server's side of one socket: each message plays the next script on a thread of its own. */
  private final class ScriptedSocket extends WebSocketListener {
    private final CountDownLatch gone = new CountDownLatch(1);

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      messages.add(text);
      Thread.ofVirtual().name("responses-socket-script").start(() -> play(webSocket));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      gone.countDown();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      gone.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
      gone.countDown();
    }

    private void play(WebSocket webSocket) {
      try {
        Script script = scripts.poll(5, TimeUnit.SECONDS);
        if (script == null) {
          webSocket.close(1011, "no script queued");
          return;
        }
        for (Step step : script.steps()) {
          switch (step) {
            case Send send -> webSocket.send(send.event());
            case Close close -> webSocket.close(close.code(), close.reason());
            case HoldUntilClientLeaves hold -> {
              if (gone.await(10, TimeUnit.SECONDS)) {
                hold.clientGone().countDown();
              }
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
