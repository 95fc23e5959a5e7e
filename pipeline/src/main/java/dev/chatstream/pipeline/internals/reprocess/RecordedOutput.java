package dev.chatstream.pipeline.internals.reprocess;

/**
 * The output a tool gave to a function call in the original run, as the log holds it.
 *
 * @param name the function's name
 * @param output what the tool answered
 * @param isError whether the tool reported an error
 */
public record RecordedOutput(String name, String output, boolean isError) {}
