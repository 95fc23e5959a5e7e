package dev.chatstream.llm.internal.responses.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which released sockets the pool hands out again, on a clock the test moves. */
class ResponsesSocketPoolTest {

  private static final String URL = "https://example.test/v1/responses?model=a";

  private final AtomicLong now = new AtomicLong();
  private final ResponsesSocketPool pool = new ResponsesSocketPool(now::get);

  @Test
  void theMostRecentlyReleasedSocketIsReusedFirst() {
    PooledSocket older = new PooledSocket(URL, now.get());
    PooledSocket newer = new PooledSocket(URL, now.get());
    pool.release(older);
    pool.release(newer);

    assertSame(newer, pool.reuse(URL));
    assertSame(older, pool.reuse(URL));
    assertNull(pool.reuse(URL));
  }

  @Test
  void aSocketServesOnlyRequestsForItsHandshakeUrl() {
    PooledSocket socket = new PooledSocket(URL, now.get());
    pool.release(socket);

    assertNull(pool.reuse("https://example.test/v1/responses?model=b"));
    assertSame(socket, pool.reuse(URL));
  }

  @Test
  void aSocketIdleTooLongIsClosedInsteadOfReused() {
    pool.release(new PooledSocket(URL, now.get()));

    now.addAndGet(ResponsesSocketPool.MAX_IDLE.plusSeconds(1).toNanos());

    assertNull(pool.reuse(URL));
    assertEquals(0, pool.idleCount());
  }

  @Test
  void aSocketPastTheMaximumAgeIsNotReused() {
    PooledSocket socket = new PooledSocket(URL, now.get());
    now.addAndGet(ResponsesSocketPool.MAX_AGE.minus(Duration.ofSeconds(1)).toNanos());
    pool.release(socket);

    now.addAndGet(Duration.ofSeconds(2).toNanos());

    assertNull(pool.reuse(URL));
  }

  @Test
  void aClosedSocketIsNeitherKeptNorReused() {
    PooledSocket closed = new PooledSocket(URL, now.get());
    closed.cancel();

    pool.release(closed);

    assertEquals(0, pool.idleCount());
    assertNull(pool.reuse(URL));
  }

  @Test
  void afterCloseReleasedSocketsAreClosed() {
    pool.release(new PooledSocket(URL, now.get()));
    pool.close();
    pool.release(new PooledSocket(URL, now.get()));

    assertEquals(0, pool.idleCount());
  }
}
