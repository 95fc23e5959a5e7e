/**
 * Internal: what the connectors' option records and request bodies share. {@link
 * dev.chatstream.llm.internal.options.OptionValues} copies option maps and reads the environment;
 * {@link dev.chatstream.llm.internal.options.BodyFields} writes extra options into a request body.
 * Not public API.
 */
package dev.chatstream.llm.internal.options;
