package dev.chatstream.bench;

/**
 * How hard the stream threads worked during a measurement window.
 *
 * @param longestProcessMs the longest single {@code process} call of any task (Kafka Streams'
 *     task-level {@code process-latency-max}, recorded at DEBUG level), or -1 when not recorded
 * @param longestPunctuateMs the longest single punctuation (the drain of provider events) of any
 *     task ({@code punctuate-latency-max}), or -1 when not recorded
 * @param averageProcessMs the mean {@code process} call (task-level {@code process-latency-avg},
 *     averaged over tasks and over the window), or -1 when not recorded
 * @param averagePunctuateMs the mean punctuation ({@code punctuate-latency-avg}), or -1
 * @param cpuShare the stream threads' CPU time over the window's wall time (1.0: one core busy
 *     all the time), or -1 when the JVM does not measure thread CPU time
 */
public record StreamThreadLoad(
    double longestProcessMs,
    double longestPunctuateMs,
    double averageProcessMs,
    double averagePunctuateMs,
    double cpuShare) {}
