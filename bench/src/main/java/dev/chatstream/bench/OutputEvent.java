package dev.chatstream.bench;

import org.apache.avro.specific.SpecificRecord;

/**
 * One output event as the bench's consumer received it.
 *
 * @param conversationId the record key
 * @param event the decoded event
 * @param recordTimestampMs the record's timestamp: when the pipeline forwarded it (wall clock, ms)
 * @param receivedNanos when the consumer received it ({@link System#nanoTime()})
 * @param receivedMs when the consumer received it (wall clock, ms)
 */
record OutputEvent(String conversationId, SpecificRecord event, long recordTimestampMs, long receivedNanos,
    long receivedMs) {}
