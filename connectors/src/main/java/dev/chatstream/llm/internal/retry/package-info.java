/**
 * Internal: the attempt engine every connector runs on. Start at
 * {@link dev.chatstream.llm.internal.retry.RetryingStream}: attempts on a virtual thread, the
 * scheduled waits between them, error events, metrics and cancellation. A connector supplies one
 * {@link dev.chatstream.llm.internal.retry.Attempt} per try; failures become the error kinds of the
 * semantics in one place, the {@link dev.chatstream.llm.internal.retry.ExceptionMapper}. Not public API.
 */
package dev.chatstream.llm.internal.retry;
