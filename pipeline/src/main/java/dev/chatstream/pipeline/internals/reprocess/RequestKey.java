package dev.chatstream.pipeline.internals.reprocess;

/**
 * A request of one conversation.
 *
 * @param conversationId the conversation
 * @param requestId the request's id ({@code <id>/tool-<n>} for a tool step)
 */
public record RequestKey(String conversationId, String requestId) {}
