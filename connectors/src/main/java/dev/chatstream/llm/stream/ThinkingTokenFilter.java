package dev.chatstream.llm.stream;

/**
 * Removes {@code <think>…</think>} blocks from streamed text, one instance per stream.
 *
 * <p>Feed each content delta to {@link #accept} and emit what it returns, then emit {@link #finish}
 * at the end of the stream. A marker may be split across deltas ({@code "<th"} then
 * {@code "ink>"}): text that could still become a marker is held back until the next delta settles
 * it, so {@code "<the"} comes out once the {@code "e"} arrives. A block still open when the stream
 * ends is dropped. A {@code </think>} outside a block is ordinary text.
 *
 * <p>Not thread-safe: a stream's deltas arrive in order on one thread at a time.
 */
public final class ThinkingTokenFilter {
  static final String OPEN = "<think>";
  static final String CLOSE = "</think>";

  private final StringBuilder pending = new StringBuilder();
  private boolean thinking;

  /**
   * The text of {@code delta} to emit now, possibly empty; null is treated as empty.
   */
  public String accept(String delta) {
    if (delta != null) {
      pending.append(delta);
    }
    StringBuilder out = new StringBuilder();
    while (true) {
      String marker = thinking ? CLOSE : OPEN;
      int at = pending.indexOf(marker);
      if (at < 0) {
        int held = partialMarkerLength(marker);
        if (!thinking) {
          out.append(pending, 0, pending.length() - held);
        }
        pending.delete(0, pending.length() - held);
        return out.toString();
      }
      if (!thinking) {
        out.append(pending, 0, at);
      }
      pending.delete(0, at + marker.length());
      thinking = !thinking;
    }
  }

  /**
   * What remains at the end of the stream: held-back text that never became a marker, or nothing
   * when a block is still open. The filter is then ready for a new stream.
   */
  public String finish() {
    String rest = thinking ? "" : pending.toString();
    pending.setLength(0);
    thinking = false;
    return rest;
  }

  /** True while inside a block. */
  public boolean thinking() {
    return thinking;
  }

  /** The length of the longest end of {@code pending} that is a proper start of {@code marker}. */
  private int partialMarkerLength(String marker) {
    int max = Math.min(marker.length() - 1, pending.length());
    for (int length = max; length > 0; length--) {
      if (marker.startsWith(pending.substring(pending.length() - length))) {
        return length;
      }
    }
    return 0;
  }
}
