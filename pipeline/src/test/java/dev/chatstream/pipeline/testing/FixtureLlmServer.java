package dev.chatstream.pipeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI Chat Completions endpoint on loopback that answers with the recorded streams under
 * {@code fixtures/} (the connectors' test resources): scripted replies in order, then {@link #TEXT}
 * sent at once.
 * Each reply can be paced, one SSE event every {@code delay}, to keep a generation in flight; the
 * server counts the streams the client abandoned before their end.
 */
public final class FixtureLlmServer implements AutoCloseable {
  /** One recorded stream in {@code fixtures/openai}: text in 30 chunks, then usage. */
  public static final String TEXT = "openai/chat-text-usage.sse";
  /** One recorded stream in {@code fixtures/openai}: a single tool call. */
  public static final String SINGLE_TOOL_CALL = "openai/chat-single-tool-call.sse";
  /** The text {@link #TEXT} streams. */
  public static final String TEXT_REPLY = "I'm unable to provide real-time weather updates. To get the current weather in"
      + " San Francisco, I recommend checking a reliable weather website or a weather app.";
  /** The model the fixtures were recorded from. */
  public static final String MODEL = "gpt-4o-2024-08-06";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
  private final AtomicInteger abandoned = new AtomicInteger();

  /**
   * A recorded stream and how fast it is sent.
   *
   * @param fixture the path under {@code fixtures/}, or null for an error answer
   * @param eventDelay the wait before each SSE event after the first
   * @param status the HTTP status: 200 for a stream, else an error with an OpenAI error body
   */
  public record Reply(String fixture, Duration eventDelay, int status) {
    /** Validates. */
    public Reply {
      Objects.requireNonNull(eventDelay, "eventDelay");
      if (status == 200) {
        Objects.requireNonNull(fixture, "fixture");
      }
    }

    /** {@code fixture} sent at once. */
    public static Reply of(String fixture) {
      return new Reply(fixture, Duration.ZERO, 200);
    }

    /** {@code fixture}, one event every {@code eventDelay}. */
    public static Reply paced(String fixture, Duration eventDelay) {
      return new Reply(fixture, eventDelay, 200);
    }

    /** An HTTP error {@code status} with an OpenAI error body, instead of a stream. */
    public static Reply failure(int status) {
      return new Reply(null, Duration.ZERO, status);
    }
  }

  private FixtureLlmServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Reply reply = script.poll();
        return respond(reply != null ? reply : Reply.of(TEXT));
      }
    });
  }

  /** A started server with nothing scripted. */
  public static FixtureLlmServer start() {
    FixtureLlmServer llm = new FixtureLlmServer();
    try {
      llm.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return llm;
  }

  /** Answers the next request not yet scripted with {@code reply}. */
  public FixtureLlmServer then(Reply reply) {
    script.add(reply);
    return this;
  }

  /** A registry whose profile {@code default} is the real OpenAI connector pointed at this server. */
  public ProviderRegistry registry() {
    OpenAiChatOptions options = OpenAiChatOptions.of("sk-test", MODEL).withBaseUrl(server.url("/v1").toString());
    return ProviderRegistry.builder("default")
        .add("default", OpenAiChatProvider.create(options), ConnectOptions.defaults().withTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** Requests received so far. */
  public int requestCount() {
    return server.getRequestCount();
  }

  /** Streams whose client went away before their end. */
  public int abandoned() {
    return abandoned.get();
  }

  /**
   * The JSON body of the next request received, in arrival order, waiting up to 10 s.
   *
   * @throws AssertionError when none arrives
   */
  public JsonNode takeRequestBody() {
    try {
      RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the LLM server received no request");
      }
      if (!"/v1/chat/completions".equals(request.getUrl().encodedPath())) {
        throw new AssertionError("unexpected request path " + request.getUrl());
      }
      return JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MockResponse respond(Reply reply) {
    if (reply.status() != 200) {
      return new MockResponse.Builder()
          .code(reply.status())
          .addHeader("Content-Type", "application/json")
          .body("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}")
          .build();
    }
    return new MockResponse.Builder()
        .addHeader("Content-Type", "text/event-stream")
        .body(new PacedSseBody(Fixtures.text(reply.fixture()), reply.eventDelay(), abandoned::incrementAndGet))
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
