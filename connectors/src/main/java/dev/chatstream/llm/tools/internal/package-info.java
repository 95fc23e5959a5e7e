/** Internal: JSON Schema rewriting shared by the tool formats ({@code $ref} inlining, Gemini's schema subset). */
package dev.chatstream.llm.tools.internal;
