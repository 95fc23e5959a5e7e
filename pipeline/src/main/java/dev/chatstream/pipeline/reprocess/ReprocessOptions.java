package dev.chatstream.pipeline.reprocess;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to run a reprocessing run.
 *
 * @param runId the run's id (its application id is {@code chatstream-reprocess-<run id>}); running the
 *     same id again resumes it
 * @param restart start the run over: its state, topics and results are deleted first
 * @param selection which recorded requests to replay
 * @param llm the LLM profile every request runs on, or null for each request's own
 * @param model the model every request asks for, or null for each request's own
 * @param system the text of each conversation's first instruction, or null to keep it
 * @param outputPrefix the prefix of the run's topics, or null for {@code chatstream.reprocess.<run id>.}
 * @param outFile where to write one JSON line per replayed request, or null
 * @param reportFile where to write the summary as Markdown, or null
 * @param pacing how fast to call the LLM
 */
public record ReprocessOptions(String runId, boolean restart, Selection selection, String llm, String model,
    String system, String outputPrefix, Path outFile, Path reportFile, Pacing pacing) {

  /** The prefix of a run's topics when none is named. */
  public static final String DEFAULT_PREFIX = "chatstream.reprocess.";

  /** Checks the run id. */
  public ReprocessOptions {
    if (runId == null || !runId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("a run id holds only letters, digits, '.', '_' and '-', was " + runId);
    }
  }

  /** The run's application id. */
  public String applicationId() {
    return "chatstream-reprocess-" + runId;
  }

  /** The prefix of the run's topics. */
  public String topicPrefix() {
    return outputPrefix != null ? outputPrefix : DEFAULT_PREFIX + runId + ".";
  }

  /** The options that decide what the run replays, as text; a resumed run must have the same. */
  public Map<String, String> fingerprint() {
    Map<String, String> options = new TreeMap<>();
    options.put("since", String.valueOf(selection.since()));
    options.put("until", String.valueOf(selection.until()));
    options.put("conversations", String.join(",", selection.conversations().stream().sorted().toList()));
    options.put("requests", String.join(",", selection.requests().stream().sorted().toList()));
    options.put("only_failed", Boolean.toString(selection.onlyFailed()));
    options.put("limit", String.valueOf(selection.limit()));
    options.put("llm", String.valueOf(llm));
    options.put("model", String.valueOf(model));
    options.put("system", String.valueOf(system));
    return options;
  }
}
