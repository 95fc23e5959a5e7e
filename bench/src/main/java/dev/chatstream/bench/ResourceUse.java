package dev.chatstream.bench;

/**
 * What a phase used of the machine.
 *
 * @param peakHeapBytes the most heap in use, sampled every 100 ms (garbage included)
 * @param peakHeapAfterGcBytes the most heap in use right after a collection: an upper bound of the
 *     live data, since old-generation garbage stays until a mixed or full collection
 * @param peakRssBytes the most resident memory of the process (heap, native memory, RocksDB, threads)
 * @param rssSource {@code VmHWM} when the kernel's high-water mark was reset at the phase start,
 *     {@code VmRSS sampled} when it could not be and RSS was sampled instead, {@code unavailable}
 *     off Linux
 * @param longestGcPauseMs the longest stop-the-world garbage-collection pause
 * @param gcPauseShare the share of the phase's wall time spent in such pauses
 * @param processCpuCores the CPU this process used, in cores (CPU time over wall time)
 * @param loadAverage the machine's one-minute load average, averaged over the phase (other processes
 *     included: on a shared machine, the load this process did not cause competes with it), or -1
 */
public record ResourceUse(
    long peakHeapBytes,
    long peakHeapAfterGcBytes,
    long peakRssBytes,
    String rssSource,
    long longestGcPauseMs,
    double gcPauseShare,
    double processCpuCores,
    double loadAverage) {}
