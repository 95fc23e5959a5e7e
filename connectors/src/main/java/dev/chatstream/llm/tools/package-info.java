/**
 * Tools a model may call: definitions ({@link dev.chatstream.llm.tools.FunctionTool},
 * {@link dev.chatstream.llm.tools.RawFunctionTool}) collected in a
 * {@link dev.chatstream.llm.tools.ToolSet} with unique names, each provider's tool and
 * {@code tool_choice} shapes ({@link dev.chatstream.llm.tools.ToolFormats},
 * {@link dev.chatstream.llm.tools.ToolChoiceFormats}), OpenAI's strict schemas, and the parsing of the
 * arguments a model sends ({@link dev.chatstream.llm.tools.ToolArguments}).
 */
package dev.chatstream.llm.tools;
