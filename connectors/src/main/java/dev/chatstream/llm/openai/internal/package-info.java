/**
 * Chat Completions on the wire: endpoints and their credentials, the request body with the model
 * family's rules, and the stream parser that turns events into chunks. Shared with the LiveKit
 * Inference connector, which speaks the same protocol.
 */
package dev.chatstream.llm.openai.internal;
