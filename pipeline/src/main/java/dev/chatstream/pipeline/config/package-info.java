/**
 * Every setting, declared once. Start at {@link dev.chatstream.pipeline.config.ChatstreamConfig}
 * (Kafka {@code ConfigDef} style: type, default, validator, importance, doc; loaded from defaults, a
 * properties file, the environment and overrides by {@link dev.chatstream.pipeline.config.ConfigSources});
 * LLM profiles ({@code llm.<name>.*}) are declared in
 * {@link dev.chatstream.pipeline.config.LlmProfileConfig} and read into
 * {@link dev.chatstream.pipeline.config.LlmProfiles}. Defaults that belong to the connectors are the
 * connectors' own constants.
 */
package dev.chatstream.pipeline.config;
