package dev.chatstream.llm.internal.chatcompletions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a model family accepts. Reasoning models (o1, o3, o4, gpt-5) reject sampling parameters, which
 * are dropped. GPT-5 models get a low default reasoning effort, as a voice agent needs a fast first
 * token: {@code minimal} for gpt-5, gpt-5-mini and gpt-5-nano, {@code none} for gpt-5.1 and later
 * (which have no {@code minimal}); chat variants take no reasoning effort. A provider prefix
 * ({@code openai/gpt-5}) is ignored. The Responses connector applies the same rules.
 */
public final class ModelFamily {

  private static final List<String> REASONING_PREFIXES = List.of("o1", "o3", "o4", "gpt-5");

  /** Parameters reasoning models reject. */
  static final List<String> UNSUPPORTED_BY_REASONING_MODELS =
      List.of("temperature", "top_p", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "n");

  private static final Pattern MINIMAL_EFFORT = Pattern.compile("gpt-5(-mini|-nano)?(-\\d{4}-\\d{2}-\\d{2})?");
  private static final Pattern NO_EFFORT = Pattern.compile("gpt-5\\.\\d+(-mini|-nano|-pro)?(-\\d{4}-\\d{2}-\\d{2})?");

  private ModelFamily() {}

  /** True for o1, o3, o4 and gpt-5 models. */
  public static boolean isReasoningModel(String model) {
    String name = baseName(model);
    return REASONING_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** The reasoning effort to send when the caller set none, or null to leave the provider's default. */
  public static String defaultReasoningEffort(String model) {
    String name = baseName(model);
    if (MINIMAL_EFFORT.matcher(name).matches()) {
      return "minimal";
    }
    return NO_EFFORT.matcher(name).matches() ? "none" : null;
  }

  /**
   * Removes what {@code model} rejects from {@code body}.
   *
   * @return the names of the removed parameters
   */
  public static List<String> dropUnsupported(ObjectNode body, String model) {
    List<String> dropped = new ArrayList<>();
    if (isReasoningModel(model)) {
      for (String name : UNSUPPORTED_BY_REASONING_MODELS) {
        if (body.remove(name) != null) {
          dropped.add(name);
        }
      }
    }
    return dropped;
  }

  private static String baseName(String model) {
    return model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }
}
