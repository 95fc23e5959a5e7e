package dev.chatstream.pipeline.cli;

import dev.chatstream.pipeline.reprocess.ReprocessProgress;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How {@code chatstream reprocess} shows its progress on stderr: a progress bar (requests done of
 * the total, rate, ETA, failures) on a terminal, and otherwise a plain line every few seconds, so logs
 * of a batch job stay readable.
 */
final class ReprocessProgressDisplay implements ReprocessProgress {
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

  private final boolean terminal;
  private ProgressBar bar;
  private int total;
  private int done;
  private int failed;
  private long startedNanos;
  private long lastLineNanos;

  ReprocessProgressDisplay(boolean terminal) {
    this.terminal = terminal;
  }

  @Override
  public void phase(String description) {
    Console.status(description);
  }

  @Override
  public void replaying(int requests) {
    total = requests;
    startedNanos = System.nanoTime();
    lastLineNanos = startedNanos;
    if (terminal) {
      bar = new ProgressBarBuilder().setTaskName("reprocess").setInitialMax(requests)
          .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
          .setUnit(" requests", 1).showSpeed().setUpdateIntervalMillis(250).build();
    } else {
      Console.status("replaying " + requests + (requests == 1 ? " request" : " requests"));
    }
  }

  @Override
  public void result(String conversationId, String requestId, boolean failedReplay) {
    done++;
    if (failedReplay) {
      failed++;
    }
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(failed == 0 ? "" : failed + " failed");
      return;
    }
    long now = System.nanoTime();
    if (now - lastLineNanos >= PLAIN_EVERY.toNanos() || done == total) {
      lastLineNanos = now;
      Console.status(plainLine(now));
    }
  }

  @Override
  public void finished() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  private String plainLine(long now) {
    double seconds = Math.max(1e-3, (now - startedNanos) / 1e9);
    double rate = done / seconds;
    String eta = rate > 0 ? String.format(Locale.ROOT, "%.0f s", (total - done) / rate) : "unknown";
    return String.format(Locale.ROOT, "reprocess: %d/%d requests done (%.1f/s, ETA %s, %d failed)", done, total, rate,
        eta, failed);
  }
}
