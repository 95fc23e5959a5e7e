/**
 * The offline provider: a deterministic {@link dev.chatstream.llm.LlmProvider} that needs no network
 * and no key, so chatstream runs end to end on a fresh machine and under load tests. Start at
 * {@link dev.chatstream.llm.offline.OfflineProvider}.
 */
package dev.chatstream.llm.offline;
