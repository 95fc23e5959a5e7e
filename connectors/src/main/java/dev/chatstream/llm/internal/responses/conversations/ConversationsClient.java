package dev.chatstream.llm.internal.responses.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.responses.ResponsesEndpoint;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.CredentialHeaders;
import dev.chatstream.llm.internal.stream.JsonPost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Conversations API calls the connector makes, each bounded by the attempt's timeout and
 * stopped by its cancellation: {@code POST /conversations} (create), {@code POST
 * /conversations/{id}/items} (add, at most {@link #MAX_ITEMS_PER_CALL} per call) and {@code DELETE
 * /conversations/{id}/items/{item}}. A status other than 2xx is mapped by the
 * {@link ExceptionMapper}; deleting an item that is already gone succeeds.
 */
public final class ConversationsClient {

  /** The most items one add call takes. */
  public static final int MAX_ITEMS_PER_CALL = 20;

  private final ResponsesEndpoint endpoint;
  private final AttemptClients clients;
  private final ExceptionMapper errors;

  /** A client of the conversations under {@code endpoint}. */
  public ConversationsClient(ResponsesEndpoint endpoint, AttemptClients clients, ExceptionMapper errors) {
    this.endpoint = endpoint;
    this.clients = clients;
    this.errors = errors;
  }

  /** Creates an empty conversation and returns its id. */
  public String create(AttemptContext context) throws IOException {
    JsonNode created = call(post(endpoint.conversationsUrl(), Json.mapper().createObjectNode()), context);
    String id = created.path("id").asText("");
    if (id.isEmpty()) {
      throw new LlmException("the provider created a conversation without an id", true, null);
    }
    return id;
  }

  /**
   * Adds {@code items} to the end of conversation {@code conversationId}, in order.
   *
   * @return the ids the provider gave them, in the same order
   */
  public List<String> addItems(String conversationId, List<ObjectNode> items, AttemptContext context)
      throws IOException {
    List<String> ids = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += MAX_ITEMS_PER_CALL) {
      List<ObjectNode> batch = items.subList(from, Math.min(items.size(), from + MAX_ITEMS_PER_CALL));
      ObjectNode body = Json.mapper().createObjectNode();
      ArrayNode array = body.putArray("items");
      batch.forEach(array::add);
      JsonNode added = call(post(endpoint.conversationsUrl(conversationId, "items"), body), context);
      JsonNode data = added.path("data");
      if (!data.isArray() || data.size() != batch.size()) {
        throw new LlmException("the provider answered " + data.size() + " items for " + batch.size() + " added",
            true, null);
      }
      for (JsonNode item : data) {
        ids.add(item.path("id").asText(""));
      }
    }
    return ids;
  }

  /** Deletes item {@code itemId} of conversation {@code conversationId}; an item already gone is fine. */
  public void deleteItem(String conversationId, String itemId, AttemptContext context) throws IOException {
    Request http = endpoint.authorized(endpoint.conversationsUrl(conversationId, "items", itemId)).delete().build();
    try (Response response = execute(http, context)) {
      if (!response.isSuccessful() && response.code() != 404) {
        throw errors.withSecrets(CredentialHeaders.values(http)).fromResponse(response);
      }
    }
  }

  private JsonNode call(Request http, AttemptContext context) throws IOException {
    try (Response response = execute(http, context)) {
      if (!response.isSuccessful()) {
        throw errors.withSecrets(CredentialHeaders.values(http)).fromResponse(response);
      }
      JsonNode body = Json.mapper().readTree(response.body().byteStream());
      return body == null ? MissingNode.getInstance() : body;
    }
  }

  private Response execute(Request http, AttemptContext context) throws IOException {
    Call call = clients.forTimeout(context.timeout()).newCall(http);
    context.onCancel(call::cancel);
    return call.execute();
  }

  private Request post(HttpUrl url, ObjectNode body) throws IOException {
    return new JsonPost(url, endpoint::headers, () -> body).request();
  }
}
