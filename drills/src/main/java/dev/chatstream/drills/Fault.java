package dev.chatstream.drills;

/**
 * What the {@link FaultServer} does with the attempts of one case, and what the retry rules of
 * SEMANTICS.md make of it with {@code max_retry = 2} (three attempts at most): how many attempts the
 * server must see, and whether the request ends with a reply.
 */
enum Fault {
  /** 503 at every attempt: retried, then final after three attempts. */
  STATUS_5XX(3, false),
  /** 500 once, then a reply: one retry. */
  STATUS_5XX_ONCE(2, true),
  /** 429 with {@code Retry-After: 1} once, then a reply: one retry, after at least a second. */
  RATE_LIMITED_ONCE(2, true),
  /** 400: not retryable, final at once. */
  STATUS_4XX(1, false),
  /** No headers for longer than the attempt timeout, every attempt: three timeouts. */
  STALL_BEFORE_HEADERS(3, false),
  /** No headers for longer than the timeout once, then a reply. */
  STALL_BEFORE_HEADERS_ONCE(2, true),
  /** A first content chunk, then silence: a chunk was emitted, so the timeout is final. */
  STALL_AFTER_FIRST_CHUNK(1, false),
  /** The connection closes before any chunk once, then a reply: a connection error is retried. */
  DISCONNECT_BEFORE_CHUNKS_ONCE(2, true),
  /** Two content chunks, then the connection closes: final, since chunks were emitted. */
  DISCONNECT_AFTER_CHUNKS(1, false),
  /** An SSE data line that is not JSON, at every attempt, before any chunk: retried, then final. */
  MALFORMED_SSE(3, false),
  /** Two content chunks, then an error event: final. */
  ERROR_EVENT_MID_STREAM(1, false),
  /** A plain streamed reply. */
  NONE(1, true);

  private final int attempts;
  private final boolean replies;

  Fault(int attempts, boolean replies) {
    this.attempts = attempts;
    this.replies = replies;
  }

  /** The attempts the server must see for one request. */
  int attempts() {
    return attempts;
  }

  /** True when the request must end with a reply, false with a final error. */
  boolean replies() {
    return replies;
  }

  /** The marker a user message carries to ask for this fault. */
  String marker() {
    return "fault=" + name();
  }
}
