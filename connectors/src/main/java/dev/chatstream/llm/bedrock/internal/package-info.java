/**
 * Internal: the Bedrock ConverseStream wire. {@link dev.chatstream.llm.bedrock.internal.ConverseBody}
 * builds the request, {@link dev.chatstream.llm.bedrock.internal.BedrockExchange} signs it with the AWS
 * SDK's SigV4 signer, {@link dev.chatstream.llm.bedrock.internal.EventStreamReader} splits the binary
 * event stream with the SDK's codec, {@link dev.chatstream.llm.bedrock.internal.ConverseStreamParser} is
 * where a Converse event becomes a chunk, and {@link dev.chatstream.llm.bedrock.internal.BedrockErrors}
 * is the error table. Not public API.
 */
package dev.chatstream.llm.bedrock.internal;
