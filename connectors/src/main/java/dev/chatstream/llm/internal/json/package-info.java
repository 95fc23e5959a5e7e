/**
 * Internal: JSON for the connectors and the pipeline alike. {@link dev.chatstream.llm.internal.json.Json}
 * holds the module's one configured mapper; {@link dev.chatstream.llm.internal.json.FieldReader} is
 * the one strict reader of JSON input, whose errors name where a field sits and never its value. Not
 * public API.
 */
package dev.chatstream.llm.internal.json;
