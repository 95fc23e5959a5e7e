package dev.chatstream.llm.stream;

/**
 * Token counts of one completion.
 *
 * @param completionTokens tokens generated
 * @param promptTokens prompt tokens, cached ones included
 * @param promptCachedTokens prompt tokens served from the provider's cache
 * @param cacheCreationTokens tokens written to the provider's cache
 * @param cacheReadTokens tokens read from the provider's cache
 * @param totalTokens all tokens billed
 * @param serviceTier the provider's service tier, or null
 */
public record CompletionUsage(
    int completionTokens,
    int promptTokens,
    int promptCachedTokens,
    int cacheCreationTokens,
    int cacheReadTokens,
    int totalTokens,
    String serviceTier) {

  /** Usage with no cache figures and no tier. */
  public static CompletionUsage of(int completionTokens, int promptTokens, int totalTokens) {
    return new CompletionUsage(completionTokens, promptTokens, 0, 0, 0, totalTokens, null);
  }
}
