package dev.chatstream.llm;

/** The error kinds of a failed attempt. A timeout is a connection error too. */
public enum ErrorKind {
  /** The provider answered with an HTTP error status, or an error object in the stream. */
  STATUS("APIStatusError"),
  /** The connection failed or dropped. */
  CONNECTION("APIConnectionError"),
  /** Connecting or reading took longer than the timeout. */
  TIMEOUT("APITimeoutError"),
  /** Anything else (a malformed stream, every fallback member failed). */
  OTHER("APIError");

  private final String wireName;

  ErrorKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in error events. */
  public String wireName() {
    return wireName;
  }
}
