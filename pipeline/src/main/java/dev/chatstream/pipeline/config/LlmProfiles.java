package dev.chatstream.pipeline.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured LLM profiles and the default one. When no profile carries the default name, the default
 * is implicit: OpenAI when {@code OPENAI_API_KEY} is set, the offline provider otherwise; {@link
 * #describeDefault()} says which in plain words.
 */
public final class LlmProfiles {

  /** The default value of {@code default.llm}. */
  public static final String DEFAULT_NAME = "default";

  private final Map<String, LlmProfile> byName;
  private final LlmProfile defaultProfile;
  private final boolean implicitDefault;

  LlmProfiles(Map<String, LlmProfile> configured, LlmProfile defaultProfile, boolean implicitDefault) {
    Map<String, LlmProfile> all = new LinkedHashMap<>(configured);
    all.putIfAbsent(defaultProfile.name(), defaultProfile);
    this.byName = Collections.unmodifiableMap(all);
    this.defaultProfile = defaultProfile;
    this.implicitDefault = implicitDefault;
  }

  /** The profile used when a request names none. */
  public LlmProfile defaultProfile() {
    return defaultProfile;
  }

  /** True when the default profile was not configured but chosen from the environment. */
  public boolean defaultIsImplicit() {
    return implicitDefault;
  }

  /** True when requests that name no profile are answered by the offline provider. */
  public boolean defaultIsOffline() {
    return defaultProfile.isOffline();
  }

  /** One sentence for people saying which LLM answers by default and why. */
  public String describeDefault() {
    String summary = "Default LLM profile " + defaultProfile.summary();
    if (!implicitDefault) {
      return summary;
    }
    String why = "no profile named '" + defaultProfile.name() + "' is configured";
    if (defaultProfile.isOffline()) {
      return summary + " (the offline provider, which answers without any network): " + why
          + " and OPENAI_API_KEY is not set. Set it, or configure llm." + defaultProfile.name()
          + ".*, for a real model.";
    }
    return summary + ": " + why + " and OPENAI_API_KEY is set.";
  }

  /** The profile called {@code name}, if any. */
  public Optional<LlmProfile> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every profile, the default one included, in configuration order. */
  public Collection<LlmProfile> all() {
    return byName.values();
  }

  /**
   * The member profiles of a fallback profile, in order.
   *
   * @throws IllegalArgumentException when {@code profile} is not a fallback profile
   */
  public List<LlmProfile> members(LlmProfile profile) {
    if (!(profile.settings() instanceof ProviderSettings.Fallback fallback)) {
      throw new IllegalArgumentException("profile " + profile.name() + " is not a fallback profile");
    }
    return fallback.members().stream().map(byName::get).toList();
  }

  @Override
  public String toString() {
    return byName.values().stream().map(LlmProfile::summary).toList().toString();
  }
}
