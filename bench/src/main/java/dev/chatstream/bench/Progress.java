package dev.chatstream.bench;

import dev.chatstream.pipeline.cli.Console;
import java.io.PrintStream;

/**
 * The progress line of a bench run. On a terminal one line is rewritten in place ({@code \r});
 * otherwise (a pipe, a CI log) status updates are printed as plain lines, at most one every few
 * seconds, so logs stay short.
 */
public final class Progress {
  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean inPlace;
  private long lastPlainNanos;
  private int lastWidth;

  private Progress(PrintStream out, boolean inPlace) {
    this.out = out;
    this.inPlace = inPlace;
  }

  /** Progress on {@code out}, rewritten in place when {@code inPlace}. */
  public static Progress to(PrintStream out, boolean inPlace) {
    return new Progress(out, inPlace);
  }

  /** Progress on stderr, in place when stderr is a terminal. */
  public static Progress onStderr() {
    return new Progress(System.err, Console.isTerminal());
  }

  /** Progress that prints nothing. */
  public static Progress silent() {
    return new Progress(null, false);
  }

  /** A milestone (a phase starts or ends): always printed, on a line of its own. */
  public synchronized void milestone(String text) {
    if (out == null) {
      return;
    }
    clear();
    out.println("bench: " + text);
    out.flush();
    lastPlainNanos = System.nanoTime();
  }

  /** The current status; replaces the previous one on a terminal. */
  public synchronized void status(String text) {
    if (out == null) {
      return;
    }
    String line = "bench: " + text;
    if (inPlace) {
      out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      out.flush();
      lastWidth = line.length();
      return;
    }
    long now = System.nanoTime();
    if (now - lastPlainNanos >= PLAIN_INTERVAL_NANOS) {
      out.println(line);
      out.flush();
      lastPlainNanos = now;
    }
  }

  /** Ends the in-place line, so what follows starts on a fresh line. */
  public synchronized void finish() {
    if (out != null) {
      clear();
    }
  }

  private void clear() {
    if (inPlace && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      lastWidth = 0;
    }
  }
}
