package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.ReprocessResult;
import dev.chatstream.events.reprocess.ReplayedStep;
import dev.chatstream.events.reprocess.ReplyOutcome;
import dev.chatstream.pipeline.reprocess.ReprocessSummary;
import java.util.ArrayList;
import java.util.List;

/** Adds up a run's results into the figures of its {@link ReprocessSummary}. */
final class ResultStats {
  private final Side original = new Side();
  private final Side replay = new Side();
  private int results;
  private int replayed;
  private int failed;
  private int diverged;

  void add(ReprocessResult result) {
    results++;
    original.add(result.getOriginal());
    replay.add(result.getReplayed());
    boolean error = result.getReplayed().getError() != null;
    for (ReplayedStep step : result.getToolSteps()) {
      original.add(step.getOriginal());
      replay.add(step.getReplayed());
      error |= step.getReplayed().getError() != null;
    }
    if (error) {
      failed++;
    } else {
      replayed++;
    }
    if (result.getDiverged()) {
      diverged++;
    }
  }

  int results() {
    return results;
  }

  int failed() {
    return failed;
  }

  int replayed() {
    return replayed;
  }

  int diverged() {
    return diverged;
  }

  ReprocessSummary.Figures original() {
    return original.figures();
  }

  ReprocessSummary.Figures replay() {
    return replay.figures();
  }

  private static final class Side {
    private final List<Double> ttfts = new ArrayList<>();
    private final List<Double> durations = new ArrayList<>();
    private int generations;
    private long promptTokens;
    private long completionTokens;

    void add(ReplyOutcome outcome) {
      if (outcome == null) {
        return;
      }
      generations++;
      if (outcome.getUsage() != null) {
        promptTokens += outcome.getUsage().getPromptTokens();
        completionTokens += outcome.getUsage().getCompletionTokens();
      }
      if (outcome.getTtft() >= 0) {
        ttfts.add(outcome.getTtft());
      }
      if (outcome.getDuration() >= 0) {
        durations.add(outcome.getDuration());
      }
    }

    ReprocessSummary.Figures figures() {
      return new ReprocessSummary.Figures(generations, promptTokens, completionTokens, percentile(ttfts, 50),
          percentile(ttfts, 95), percentile(durations, 50), percentile(durations, 95));
    }

    private static double percentile(List<Double> values, int p) {
      if (values.isEmpty()) {
        return -1;
      }
      List<Double> sorted = values.stream().sorted().toList();
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
  }
}
