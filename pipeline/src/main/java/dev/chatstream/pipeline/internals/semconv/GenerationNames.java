package dev.chatstream.pipeline.internals.semconv;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;

/**
 * What a generation is called in meters and spans: its profile, the model it asked for and the
 * provider that serves the profile, resolved against the service's LLM profiles.
 *
 * @param profile the profile the request named, or the default profile
 * @param requestModel the request's model override, else the profile's model
 * @param providerName the profile's provider as {@code gen_ai.provider.name}
 */
public record GenerationNames(String profile, String requestModel, String providerName) {

  /** The names of {@code request} as {@code llms} serves it. */
  public static GenerationNames of(ReplyRequest request, LlmRegistry llms) {
    String profile = request.llm() != null ? request.llm() : llms.defaultProfile();
    LlmProvider provider = llms.provider(profile);
    String model = request.model() != null ? request.model() : provider.model();
    return new GenerationNames(profile, model == null ? "" : model, GenAi.providerName(provider.provider()));
  }
}
