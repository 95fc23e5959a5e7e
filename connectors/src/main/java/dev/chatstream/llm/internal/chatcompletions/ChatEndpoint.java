package dev.chatstream.llm.internal.chatcompletions;

import okhttp3.Request;
import okhttp3.RequestBody;

/** Where a Chat Completions request goes and how it is authorized. */
public interface ChatEndpoint {

  /** The HTTP request of one attempt, with fresh credentials. */
  Request request(RequestBody body);
}
