package dev.chatstream.llm.internal.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.testing.ResponsesWire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Responses events that the recordings do not show, one by one. */
class ResponsesEventsTest {

  private final ExceptionMapper errors = ExceptionMapper.redacting(List.of("sk-secret-123456"));
  private final ResponsesEvents events = new ResponsesEvents(errors);

  @Test
  void anErrorEventWithItsFieldsAtTheTopLevelIsAStatusErrorThatIsNotRetried() {
    events.bind(errors, "req_42");

    LlmException error = assertThrows(LlmException.class, () -> events.accept(ResponsesWire.read(
        "{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"boom for sk-secret-123456\",\"param\":null}")));

    ApiStatusException status = assertInstanceOf(ApiStatusException.class, error);
    assertEquals("error in the provider stream: server_error: boom for [redacted]", status.getMessage());
    assertNull(status.status());
    assertFalse(status.retryable());
    assertEquals("req_42", status.providerRequestId());
    assertFalse(status.body().contains("sk-secret-123456"));
  }

  @Test
  void anErrorEventWithAStatusKeepsIt() {
    LlmException error = assertThrows(LlmException.class,
        () -> events.accept(ResponsesWire.read(ResponsesWire.errorEvent(429, "rate_limit_exceeded", "slow down"))));

    assertEquals(429, error.status());
    assertFalse(error.retryable(), "stream errors are not retried, whatever their status");
    assertEquals("rate_limit_exceeded", ResponsesErrors.codeOf(error.body()));
  }

  @Test
  void theConnectionTimeLimitIsARetryableConnectionError() {
    LlmException error = assertThrows(LlmException.class, () -> events.accept(ResponsesWire.read(
        ResponsesWire.errorEvent(400, "websocket_connection_limit_reached", "60 minutes"))));

    assertInstanceOf(ApiConnectionException.class, error);
    assertTrue(error.retryable());
  }

  @Test
  void previousResponseNotFoundIsRecognisedInAnHttpBodyAndInAnEvent() {
    ApiStatusException http = new ApiStatusException("HTTP 400", 400, null,
        ResponsesWire.errorBody("Previous response with id 'resp_1' not found.", "previous_response_not_found"), null);
    LlmException event = assertThrows(LlmException.class, () -> events.accept(ResponsesWire.read(
        ResponsesWire.errorEvent(400, "previous_response_not_found", "gone"))));

    assertTrue(ResponsesErrors.isPreviousResponseNotFound(http));
    assertTrue(ResponsesErrors.isPreviousResponseNotFound(event));
    assertFalse(ResponsesErrors.isPreviousResponseNotFound(
        new ApiStatusException("HTTP 400", 400, null, ResponsesWire.errorBody("bad", "invalid_value"), null)));
    assertFalse(ResponsesErrors.isPreviousResponseNotFound(new ApiStatusException("HTTP 400", 400, null, "<html>",
        null)));
  }

  @Test
  void aContentFilteredIncompleteResponseSaysSo() {
    List<ChatChunk> chunks = events.accept(ResponsesWire.read("""
        {"type": "response.incomplete", "response": {"id": "resp_cf", "status": "incomplete",
          "incomplete_details": {"reason": "content_filter"}}}"""));

    assertEquals(Map.of("finish_reason", "content_filter", "incomplete_reason", "content_filter"),
        chunks.getFirst().delta().extra());
    assertNull(chunks.getFirst().usage());
    assertTrue(events.finished());
  }

  @Test
  void eventsThatCarryNothingForTheCallerAreIgnored() {
    for (String type : List.of("response.in_progress", "response.output_item.added",
        "response.function_call_arguments.delta", "response.content_part.added", "response.output_text.done",
        "response.web_search_call.searching", "response.reasoning_summary_text.delta")) {
      assertEquals(List.of(), events.accept(ResponsesWire.read("{\"type\":\"" + type + "\",\"delta\":\"x\"}")), type);
    }
    assertFalse(events.finished());
    assertFalse(events.responseDelivered());
  }

  @Test
  void theReplyRecordsItsOutputItemsInOrder() {
    events.accept(ResponsesWire.read(ResponsesWire.created("resp_1")));
    events.accept(ResponsesWire.read(ResponsesWire.reasoningDone("rs_1")));
    events.accept(ResponsesWire.read(ResponsesWire.textDelta("hi")));
    events.accept(ResponsesWire.read(ResponsesWire.messageDone("msg_1", "hi")));
    events.accept(ResponsesWire.read(ResponsesWire.functionCallDone("fc_1", "call_1", "f", "{}")));

    assertEquals(List.of(new ReplyOutput.Item("reasoning", "rs_1"), new ReplyOutput.Item("message", "msg_1"),
        new ReplyOutput.Item("function_call", "fc_1")), events.reply().items());
    assertEquals(2, events.reply().contextItems());
    assertTrue(events.responseDelivered());
    assertEquals("resp_1", events.responseId());
  }
}
