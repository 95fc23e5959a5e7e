/**
 * HTTP shared by every connector: the one process-wide {@link okhttp3.OkHttpClient}
 * ({@link dev.chatstream.llm.http.SharedHttpClient}) with per-attempt timeout variants, the
 * server-sent events reader ({@link dev.chatstream.llm.http.SseReader}) and the masking of secrets in
 * anything that may reach an error or a log.
 */
package dev.chatstream.llm.http;
