package dev.chatstream.pipeline.internals.reprocess;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.tools.InvalidToolArgumentsException;
import dev.chatstream.llm.tools.ToolArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a replayed reply's function calls can be answered with the outputs the original
 * run's tools gave: every replayed call must match a call of the original reply of the same step, by
 * name and by arguments (compared as JSON, so spacing and key order do not matter), each original call
 * used once. The loop goes on only when every call matched and every match has a recorded output.
 */
final class ToolStepMatch {

  /** What the next step can be built from, or why the loop stops. */
  sealed interface Outcome {}

  /** Every call matched: the recorded output of each, in the replayed calls' order. */
  record Matched(List<Answered> answers) implements Outcome {}

  /** A replayed call matched no original call. */
  record Diverged(String reason) implements Outcome {}

  /** The calls matched, but the log holds no output for one of the original calls. */
  record NoRecordedOutput(String reason) implements Outcome {}

  /**
   * A replayed call and the output the original run's tool gave to the call it matched.
   *
   * @param call the replayed call
   * @param output the recorded output
   */
  record Answered(FunctionCall call, RecordedOutput output) {}

  private ToolStepMatch() {}

  /**
   * Matches {@code replayed} against the original reply of step {@code step}.
   *
   * @param original the calls of the original reply of that step (empty when it made none or did not run)
   */
  static Outcome of(int step, List<FunctionCall> replayed, List<FunctionCall> original, PlannedRequest planned) {
    List<FunctionCall> unused = new ArrayList<>(original);
    List<Answered> answers = new ArrayList<>();
    for (FunctionCall call : replayed) {
      Optional<FunctionCall> match = unused.stream()
          .filter(candidate -> candidate.name().equals(call.name())
              && sameArguments(candidate.arguments(), call.arguments()))
          .findFirst();
      if (match.isEmpty()) {
        return new Diverged("step " + step + " called " + call.name() + "(" + call.arguments() + "), which the "
            + "original reply did not" + (original.isEmpty() ? " (it called no function)" : " (it called "
            + String.join(", ", original.stream().map(c -> c.name() + "(" + c.arguments() + ")").toList()) + ")"));
      }
      unused.remove(match.get());
      Optional<RecordedOutput> output = planned.output(match.get().callId());
      if (output.isEmpty()) {
        return new NoRecordedOutput("step " + step + ": the log holds no output for the original call "
            + match.get().callId() + " (" + call.name() + ")");
      }
      answers.add(new Answered(call, output.get()));
    }
    return new Matched(answers);
  }

  private static boolean sameArguments(String recorded, String replayed) {
    try {
      JsonNode a = ToolArguments.parse("recorded", recorded);
      JsonNode b = ToolArguments.parse("replayed", replayed);
      return a.equals(b);
    } catch (InvalidToolArgumentsException e) {
      return Objects.equals(recorded, replayed);
    }
  }
}
