/** Internal: the OpenAI and Azure OpenAI endpoints and their credentials. */
package dev.chatstream.llm.openai.internal;
