package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.io.IOException;

/** One way of sending a Responses body and reading its events: HTTP with SSE, or a WebSocket. */
interface ResponsesTransport {

  /**
   * Sends {@code body} and hands each event to {@code events}, emitting their chunks, until the
   * response ends or the attempt is cancelled.
   *
   * @param errors the provider's mapper, to which the transport adds the credentials it sends
   * @throws IOException when the transport fails; a stream that ends before the response does is a
   *     failure too
   */
  void exchange(ObjectNode body, String model, ResponsesEvents events, AttemptContext context, ExceptionMapper errors)
      throws IOException;
}
