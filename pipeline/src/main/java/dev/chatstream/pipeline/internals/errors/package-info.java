/**
 * Internal: Kafka Streams' exception handlers ({@code DeadLetterProcessingHandler} sends a record whose
 * processing threw to the dead-letter topic; {@code OversizedOutputHandler} skips output the broker
 * refuses) and the dead-letter headers ({@link dev.chatstream.pipeline.internals.errors.DeadLetterHeaders}).
 */
package dev.chatstream.pipeline.internals.errors;
