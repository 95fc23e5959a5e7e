/**
 * The retry loop every connector runs its attempts in ({@link dev.chatstream.llm.retry.RetryingStream}):
 * attempts on a virtual thread, scheduled waits between them, error events, metrics and cancellation.
 * A connector supplies one {@link dev.chatstream.llm.retry.Attempt}; failures become error kinds in one
 * place, the {@link dev.chatstream.llm.retry.ExceptionMapper}.
 */
package dev.chatstream.llm.retry;
