package dev.chatstream.llm.tools;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tools of one request, in the order given, with unique names.
 *
 * @param tools the tools; no two share a name
 */
public record ToolSet(List<ToolDefinition> tools) {
  private static final ToolSet EMPTY = new ToolSet(List.of());

  /**
   * Validates and copies.
   *
   * @throws NullPointerException when the list or one of its tools is null
   * @throws IllegalArgumentException when two tools share a name ({@code duplicate function name: x})
   */
  public ToolSet {
    Objects.requireNonNull(tools, "tools must not be null");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tools.size(); i++) {
      ToolDefinition tool = Objects.requireNonNull(tools.get(i), "tool at index " + i + " is null");
      if (!seen.add(tool.name())) {
        throw new IllegalArgumentException("duplicate function name: " + tool.name());
      }
    }
    tools = List.copyOf(tools);
  }

  /**
   * The set of {@code tools}, in order.
   *
   * @throws IllegalArgumentException when two tools share a name
   */
  public static ToolSet of(List<? extends ToolDefinition> tools) {
    return new ToolSet(Collections.unmodifiableList(Objects.requireNonNull(tools, "tools must not be null")));
  }

  /** The set of {@code tools}, in order. */
  public static ToolSet of(ToolDefinition... tools) {
    return of(List.of(tools));
  }

  /** No tools. */
  public static ToolSet empty() {
    return EMPTY;
  }

  /** The tools' names, in order. */
  public List<String> names() {
    return tools.stream().map(ToolDefinition::name).toList();
  }

  /** True when there are no tools. */
  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /** How many tools there are. */
  public int size() {
    return tools.size();
  }

  /** The tool named {@code name}, if any. */
  public Optional<ToolDefinition> get(String name) {
    return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
  }

  /** True when a tool is named {@code name}. */
  public boolean contains(String name) {
    return get(name).isPresent();
  }
}
