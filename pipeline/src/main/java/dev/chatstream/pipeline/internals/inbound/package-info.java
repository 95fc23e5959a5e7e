/**
 * Internal: a decoded input event checked and turned into a
 * {@link dev.chatstream.pipeline.internals.inbound.Command} by the
 * {@link dev.chatstream.pipeline.internals.inbound.CommandMapper}, or rejected with a reason
 * ({@link dev.chatstream.pipeline.internals.inbound.InvalidEventException}) that the dead-letter record
 * carries.
 */
package dev.chatstream.pipeline.internals.inbound;
