package dev.chatstream.pipeline.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;

/** Checks that fallback profiles name existing profiles and never lead back to themselves. */
final class FallbackGraph {

  private final Map<String, LlmProfile> profiles;
  private final Set<String> checked = new HashSet<>();

  private FallbackGraph(Map<String, LlmProfile> profiles) {
    this.profiles = profiles;
  }

  /**
   * Checks every fallback profile of {@code profiles}.
   *
   * @throws ConfigException when a member does not exist, is the profile itself, or a chain of fallbacks
   *     forms a cycle (the message shows the cycle)
   */
  static void check(Map<String, LlmProfile> profiles) {
    FallbackGraph graph = new FallbackGraph(profiles);
    for (String name : new TreeSet<>(profiles.keySet())) {
      graph.visit(name, new ArrayList<>());
    }
  }

  private void visit(String name, List<String> path) {
    if (checked.contains(name)) {
      return;
    }
    LlmProfile profile = profiles.get(name);
    if (!(profile.settings() instanceof ProviderSettings.Fallback fallback)) {
      checked.add(name);
      return;
    }
    path.add(name);
    for (String member : fallback.members()) {
      if (member.equals(name)) {
        throw new ConfigException("LLM profile '" + name + "' (fallback) lists itself as a member");
      }
      if (!profiles.containsKey(member)) {
        throw new ConfigException("LLM profile '" + name + "' (fallback) lists member '" + member
            + "', which is not a configured profile (profiles: " + String.join(", ", profiles.keySet()) + ")");
      }
      int seen = path.indexOf(member);
      if (seen >= 0) {
        List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
        cycle.add(member);
        throw new ConfigException("LLM fallback profiles form a cycle: " + String.join(" -> ", cycle));
      }
      visit(member, path);
    }
    path.remove(path.size() - 1);
    checked.add(name);
  }
}
