/**
 * Internal: HTTP shared by every connector. The one process-wide {@link okhttp3.OkHttpClient}
 * ({@link dev.chatstream.llm.internal.http.SharedHttpClient}) with per-attempt timeout variants and
 * connection-pool lanes, the server-sent events reader
 * ({@link dev.chatstream.llm.internal.http.SseReader}: where SSE bytes become events), and the masking
 * of secrets in anything that may reach an error or a log. Not public API.
 */
package dev.chatstream.llm.internal.http;
