/**
 * Internal: the streaming HTTP call every connector makes, whatever its wire format. Start at
 * {@link dev.chatstream.llm.internal.stream.HttpStreamAttempt}, the one attempt of the retry loop: a
 * provider supplies a {@link dev.chatstream.llm.internal.stream.StreamExchange} (its request, its
 * error table, an {@link dev.chatstream.llm.internal.stream.EventReader} for its framing and a
 * {@link dev.chatstream.llm.internal.stream.StreamParser} that turns events into chunks), and
 * {@link dev.chatstream.llm.internal.stream.CredentialHeaders} names what is masked. Not public API.
 */
package dev.chatstream.llm.internal.stream;
