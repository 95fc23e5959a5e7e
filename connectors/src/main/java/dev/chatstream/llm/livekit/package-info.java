/**
 * The LiveKit Inference gateway connector. Start at
 * {@link dev.chatstream.llm.livekit.LiveKitInferenceProvider}.
 */
package dev.chatstream.llm.livekit;
