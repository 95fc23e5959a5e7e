/**
 * The Google Gemini connector, for the Gemini API and Vertex AI. Start at
 * {@link dev.chatstream.llm.google.GoogleProvider}; {@link dev.chatstream.llm.google.GoogleOptions}
 * says how to reach the API.
 */
package dev.chatstream.llm.google;
