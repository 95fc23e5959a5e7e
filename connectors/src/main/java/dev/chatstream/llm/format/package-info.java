/**
 * A ChatContext in each provider's wire format ({@code to_provider_format}): OpenAI Chat Completions
 * and Responses, Anthropic, Google, AWS Bedrock Converse, Mistral. Start at
 * {@link dev.chatstream.llm.format.ProviderFormats}; the grouping of a reply's message with its calls
 * and outputs is {@link dev.chatstream.llm.format.ItemGrouping}, shared by every format.
 */
package dev.chatstream.llm.format;
