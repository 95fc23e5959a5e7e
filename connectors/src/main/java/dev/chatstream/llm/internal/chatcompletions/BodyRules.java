package dev.chatstream.llm.internal.chatcompletions;

/**
 * How a connector fills in its request bodies.
 *
 * @param providerOptionsWin true when the provider's own extra options override the request's
 *     (LiveKit Inference), false when the request's override the provider's (OpenAI, Azure)
 * @param defaultReasoningEffort whether GPT-5 models get a default reasoning effort
 */
public record BodyRules(boolean providerOptionsWin, boolean defaultReasoningEffort) {}
