package dev.chatstream.llm.openai.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.tools.ToolChoice;
import dev.chatstream.llm.tools.ToolDefinition;

/** TEMPORARY until the shared formatters land on main: text messages and plain tools only. */
final class OpenAiChatFormatter implements ChatFormatter {

  @Override
  public ArrayNode messages(ChatContext context) {
    ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    for (ChatItem item : context.items()) {
      if (item instanceof ChatMessage message) {
        messages.addObject().put("role", message.role().name().toLowerCase()).put("content", message.textContent());
      }
    }
    return messages;
  }

  @Override
  public void applyTools(ObjectNode body, LlmRequest request) {
    if (request.tools().isEmpty()) {
      body.remove("tool_choice");
      body.remove("parallel_tool_calls");
      return;
    }
    ArrayNode tools = body.putArray("tools");
    for (ToolDefinition tool : request.tools()) {
      ObjectNode function = tools.addObject().put("type", "function").putObject("function");
      function.put("name", tool.name()).put("strict", true).put("description", tool.description());
      function.set("parameters", tool.parameters());
    }
    if (request.toolChoice() instanceof ToolChoice.Mode mode) {
      body.put("tool_choice", mode.value());
    } else if (request.toolChoice() instanceof ToolChoice.Function function) {
      body.putObject("tool_choice").put("type", "function").putObject("function").put("name", function.name());
    }
    if (request.parallelToolCalls() != null) {
      body.put("parallel_tool_calls", request.parallelToolCalls());
    }
  }
}
