package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.testing.HttpProviderContract;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class AzureOpenAiProviderTest extends HttpProviderContract {

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return OpenAiChatProvider.azure(
        AzureOpenAiOptions.of(baseUrl.resolve("/").toString(), "my-gpt-4o", SECRET).withModel("gpt-4o"), runtime);
  }

  @Override
  protected String textStream(List<String> pieces) {
    return ChatCompletionsWire.textStream(pieces);
  }

  @Override
  protected String firstTextEvent(String piece) {
    return ChatCompletionsWire.roleChunk() + ChatCompletionsWire.contentChunk(piece);
  }

  @Override
  protected String preambleEvent() {
    return ChatCompletionsWire.event("{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\","
        + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}");
  }

  @Override
  protected String errorBody(String message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":null,\"param\":null,\"code\":\"bad\",\"status\":400}}";
  }

  @Test
  void postsToTheDeploymentWithTheApiKeyHeader() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider azure = OpenAiChatProvider.azure(
        AzureOpenAiOptions.of(server.url("/").toString(), "my-gpt-4o", SECRET).withApiVersion("2025-01-01-preview"));

    run(azure, request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("/openai/deployments/my-gpt-4o/chat/completions?api-version=2025-01-01-preview", recorded.getTarget());
    assertEquals(SECRET, recorded.getHeaders().get("api-key"));
    assertNull(recorded.getHeaders().get("Authorization"));
    assertEquals(true, new ObjectMapper().readTree(recorded.getBody().utf8()).get("stream").asBoolean());
  }

  @Test
  void appliesTheRulesOfTheModelBehindTheDeployment() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider azure = OpenAiChatProvider.azure(
        AzureOpenAiOptions.of(server.url("/").toString(), "reasoner", SECRET).withModel("o4-mini"));

    run(azure, request(quick()).withExtraOptions(Map.of("temperature", 0.2)));

    assertEquals(false, new ObjectMapper().readTree(takeRequest().getBody().utf8()).has("temperature"));
    assertEquals("o4-mini", azure.model());
    assertEquals("azure.LLM", azure.label());
  }
}
