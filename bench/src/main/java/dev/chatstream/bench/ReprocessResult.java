package dev.chatstream.bench;

/**
 * The reprocess phase: a log recorded by the live pipeline, replayed by {@code chatstream reprocess}
 * with the offline provider at zero pacing, beside what the live pipeline cost to record it.
 *
 * @param conversations conversations in the log, one request each
 * @param liveTurnsPerSecond turns the live pipeline completed per second while recording
 * @param liveCpuPerTurnMs CPU per turn of the live pipeline (this process: pipeline, connector, broker)
 * @param requests requests the run replayed
 * @param seconds the run's wall time, survey and Kafka Streams start included
 * @param surveySeconds of it, the survey of the log
 * @param requestsPerSecond requests replayed per second of the whole run
 * @param recordsRead records the run read: the survey's, and the input records its topology read
 * @param recordsPerSecond records read per second of the whole run
 * @param cpuPerRequestMs CPU per replayed request (this process: the run, the offline provider, the broker)
 * @param resources what the run used of the machine
 */
public record ReprocessResult(int conversations, double liveTurnsPerSecond, double liveCpuPerTurnMs, int requests,
    double seconds, double surveySeconds, double requestsPerSecond, long recordsRead, double recordsPerSecond,
    double cpuPerRequestMs, ResourceUse resources) {}
