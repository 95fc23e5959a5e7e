package dev.chatstream.pipeline.internals.generation;

/**
 * Identifies one attempt of one generation on this task. Events that arrive for a handle that is no
 * longer active (a cancelled, finished or restarted attempt) are dropped by the drain.
 *
 * @param conversationId the conversation
 * @param requestId the generation's request id
 * @param attempt the attempt number, 1 for the first start, +1 for each restart after a failover
 * @param queueSeq the generation's position in its conversation's queue (its store key)
 */
public record GenerationHandle(String conversationId, String requestId, int attempt, long queueSeq) {}
