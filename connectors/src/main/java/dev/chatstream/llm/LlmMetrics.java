package dev.chatstream.llm;

/**
 * One generation's metrics ({@code llm_metrics}).
 *
 * @param label the provider label
 * @param requestId the generation's request id
 * @param timestamp seconds since the epoch, at the end of the generation
 * @param durationSeconds from the start of the generation to its end, retries included
 * @param ttftSeconds from the start to the first chunk with a response, or -1 when none came
 * @param cancelled true when the generation was cancelled
 * @param completionTokens tokens generated
 * @param promptTokens prompt tokens, cached included
 * @param promptCachedTokens prompt tokens served from cache
 * @param cacheCreationTokens tokens written to the cache
 * @param totalTokens all tokens
 * @param tokensPerSecond completion tokens divided by the duration
 * @param modelName the model that answered
 * @param modelProvider the provider that answered
 */
public record LlmMetrics(
    String label,
    String requestId,
    double timestamp,
    double durationSeconds,
    double ttftSeconds,
    boolean cancelled,
    int completionTokens,
    int promptTokens,
    int promptCachedTokens,
    int cacheCreationTokens,
    int totalTokens,
    double tokensPerSecond,
    String modelName,
    String modelProvider) {}
