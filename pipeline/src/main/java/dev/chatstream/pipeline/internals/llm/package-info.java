/**
 * Internal: where LLM profiles become connectors. {@link dev.chatstream.pipeline.internals.llm.ProfileProviders}
 * builds a provider per profile; {@link dev.chatstream.pipeline.internals.llm.ProviderRegistry} is the
 * {@link dev.chatstream.pipeline.LlmRegistry} over them.
 */
package dev.chatstream.pipeline.internals.llm;
