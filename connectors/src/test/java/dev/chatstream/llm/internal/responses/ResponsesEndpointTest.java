package dev.chatstream.llm.internal.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class ResponsesEndpointTest {

  @Test
  void openAisWebSocketUrlHasNoModelParameterOtherHostsDo() {
    ResponsesEndpoint openAi = new ResponsesEndpoint(HttpUrl.get("https://api.openai.com/v1/"), "sk-k-123456",
        null, null);
    ResponsesEndpoint azure = new ResponsesEndpoint(HttpUrl.get("https://res.openai.azure.com/openai/v1"),
        "az-key-123456", null, null);

    assertEquals("https://api.openai.com/v1/responses", openAi.webSocketUrl("gpt-4.1").toString());
    assertEquals("https://res.openai.azure.com/openai/v1/responses?model=gpt-4o-mini",
        azure.webSocketUrl("gpt-4o-mini").toString());
    assertEquals("https://api.openai.com/v1", openAi.identity());
  }

  @Test
  void conversationUrlsEscapeTheirSegments() {
    ResponsesEndpoint endpoint = new ResponsesEndpoint(HttpUrl.get("http://localhost:8080/v1"), null, null, null);

    assertEquals("http://localhost:8080/v1/conversations/conv_1/items/msg%2F2",
        endpoint.conversationsUrl("conv_1", "items", "msg/2").toString());
  }

  @Test
  void credentialsAreHeadersAndNeverInTheText() {
    ResponsesEndpoint endpoint = new ResponsesEndpoint(HttpUrl.get("https://api.openai.com/v1"), "sk-k-123456",
        "org-1", "proj-1");
    Request request = endpoint.authorized(endpoint.responsesUrl()).build();
    Request anonymous = new ResponsesEndpoint(HttpUrl.get("http://localhost/v1"), null, null, null)
        .authorized(HttpUrl.get("http://localhost/v1/responses")).build();

    assertEquals("Bearer sk-k-123456", request.header("Authorization"));
    assertEquals("org-1", request.header("OpenAI-Organization"));
    assertEquals("proj-1", request.header("OpenAI-Project"));
    assertNull(anonymous.header("Authorization"));
    assertFalse(endpoint.toString().contains("sk-k-123456"));
  }
}
