/**
 * The Amazon Bedrock Converse connector. Start at {@link dev.chatstream.llm.bedrock.BedrockProvider};
 * {@link dev.chatstream.llm.bedrock.BedrockOptions} says which region, endpoint and credentials.
 */
package dev.chatstream.llm.bedrock;
