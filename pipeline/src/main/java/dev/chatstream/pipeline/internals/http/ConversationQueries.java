package dev.chatstream.pipeline.internals.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.pipeline.internals.state.ConversationHeader;
import dev.chatstream.pipeline.internals.state.ConversationSnapshot;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationEntry;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import dev.chatstream.pipeline.internals.state.ItemCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /conversations/{id}}, answered by any instance: Kafka Streams knows which instance's task
 * owns the conversation's partition (each instance publishes its HTTP address as
 * {@code application.server}); the owner reads its stores, any other instance fetches the owner's
 * answer and passes it on. The answer is the conversation's context as {@code to_dict} JSON, its
 * header, its queued and running generations, and the owner's address; 404 when the stores hold
 * nothing of it, 503 while its partition has no owner (a rebalance).
 */
public final class ConversationQueries implements AutoCloseable {
  /** The header that marks a request one instance passed to another. */
  static final String FORWARDED_HEADER = "X-Chatstream-Forwarded";
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final ItemCodec codec;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Queries over {@code streams}, whose {@code application.server} is {@code self}.
   *
   * @param codec how the items are stored
   */
  public ConversationQueries(KafkaStreams streams, HostInfo self, ItemCodec codec) {
    this.streams = streams;
    this.self = self;
    this.codec = codec;
  }

  /** The answer for {@code conversationId}; {@code forwarded} when another instance asked. */
  HttpAnswer answer(String conversationId, boolean forwarded) {
    KeyQueryMetadata owner;
    try {
      owner = streams.queryMetadataForKey(ConversationStore.HEADERS, conversationId, KEYS);
    } catch (InvalidStateStoreException | IllegalStateException e) {
      return HttpAnswer.error(503, "the service is " + streams.state() + ", not answering queries; try again");
    }
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      return HttpAnswer.error(503, "no instance owns conversation '" + conversationId + "' right now (the "
          + "application is starting or rebalancing); try again");
    }
    if (owner.activeHost().equals(self)) {
      return local(conversationId, owner.partition());
    }
    if (forwarded) {
      return HttpAnswer.error(503, "conversation '" + conversationId + "' is moving between instances; try again");
    }
    return forward(conversationId, owner.activeHost());
  }

  @Override
  public void close() {
    client.close();
  }

  private HttpAnswer local(String conversationId, int partition) {
    ConversationSnapshot snapshot;
    try {
      snapshot = ConversationSnapshot.read(conversationId, store(ConversationStore.ITEMS, partition),
          store(ConversationStore.HEADERS, partition), store(GenerationStore.NAME, partition), codec);
    } catch (InvalidStateStoreException e) {
      return HttpAnswer.error(503, "the stores of conversation '" + conversationId + "' are not queryable right now "
          + "(restoring or moving); try again");
    }
    if (snapshot.isEmpty()) {
      return HttpAnswer.error(404, "unknown conversation '" + conversationId + "'");
    }
    return HttpAnswer.json(200, body(conversationId, partition, snapshot));
  }

  private ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
        .withPartition(partition));
  }

  private ObjectNode body(String conversationId, int partition, ConversationSnapshot snapshot) {
    ObjectNode body = HttpAnswer.object()
        .put("conversation_id", conversationId)
        .put("owner", self.host() + ":" + self.port())
        .put("partition", partition);
    ConversationHeader header = snapshot.header();
    ObjectNode headerNode = body.putObject("header")
        .put("item_count", header.itemCount())
        .put("byte_count", header.byteCount());
    if (header.toolLoop() != null) {
      ObjectNode loop = headerNode.putObject("tool_loop")
          .put("request_id", header.toolLoop().requestId())
          .put("step", header.toolLoop().step());
      ArrayNode pending = loop.putArray("pending_call_ids");
      header.toolLoop().pendingCallIds().forEach(pending::add);
    } else {
      headerNode.putNull("tool_loop");
    }
    ArrayNode generations = body.putArray("generations");
    for (GenerationEntry entry : snapshot.generations()) {
      generations.addObject()
          .put("request_id", entry.requestId())
          .put("status", entry.status().name().toLowerCase(Locale.ROOT))
          .put("attempt", entry.attempt())
          .put("tool_step", entry.toolStep())
          .put("queued_at", entry.createdAt());
    }
    body.set("context", snapshot.context().toDict());
    return body;
  }

  private HttpAnswer forward(String conversationId, HostInfo owner) {
    String address = owner.host() + ":" + owner.port();
    URI uri = URI.create("http://" + address + OperationsServer.CONVERSATIONS
        + URLEncoder.encode(conversationId, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT).header(FORWARDED_HEADER, "1").GET().build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse(HttpAnswer.JSON_TYPE);
      return new HttpAnswer(response.statusCode(), type, response.body());
    } catch (IOException e) {
      return HttpAnswer.json(502, HttpAnswer.object()
          .put("error", "the instance that owns conversation '" + conversationId + "' did not answer")
          .put("status", 502).put("owner", address));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpAnswer.error(503, "interrupted");
    }
  }
}
