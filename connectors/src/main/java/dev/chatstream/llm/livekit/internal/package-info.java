/** LiveKit Inference access tokens and the gateway endpoint. */
package dev.chatstream.llm.livekit.internal;
