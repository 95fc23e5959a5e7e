package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.reprocess.ReplyOutcome;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.inbound.Command;
import dev.chatstream.pipeline.internals.inbound.CommandMapper;
import dev.chatstream.pipeline.internals.inbound.InvalidEventException;
import dev.chatstream.pipeline.internals.topology.Origin;
import dev.chatstream.pipeline.reprocess.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The first pass of a run: reads the live output topics for how every request ended, then the input
 * topic for the requests themselves, and picks the ones the {@link Selection} wants, each with its
 * original outcomes and the outputs the tools gave to its original calls. Everything up to the run's
 * bounds, in a fixed order, so the same log always gives the same plan.
 */
public final class LogSurvey {
  private final Properties clientProperties;
  private final Topics live;
  private final RunBounds bounds;
  private final Selection selection;
  private final String defaultProfile;
  private final CommandMapper commands = new CommandMapper(profile -> true);
  private final OriginalOutcomes outcomes = new OriginalOutcomes();
  private final Map<RequestKey, PlannedRequest> selected = new LinkedHashMap<>();
  private final Map<CallKey, List<PlannedRequest>> awaitingOutputs = new HashMap<>();
  private long requestsInLog;

  private record CallKey(String conversationId, String callId) {}

  private long badRecords;
  private long recordsRead;

  /**
   * A survey of the live topics {@code live}.
   *
   * @param defaultProfile the profile a request that names none ran on
   */
  public LogSurvey(Properties clientProperties, Topics live, RunBounds bounds, Selection selection,
      String defaultProfile) {
    this.clientProperties = clientProperties;
    this.live = live;
    this.bounds = bounds;
    this.selection = selection;
    this.defaultProfile = defaultProfile;
  }

  /** Reads the log and returns the plan. */
  public ReplayPlan run() {
    Deserializer<SpecificRecord> events = live.anyEvent().deserializer();
    try (BoundedReader reader = new BoundedReader(clientProperties, bounds)) {
      for (String topic : List.of(live.replies().name(), live.errors().name(), live.metrics().name())) {
        reader.read(topic, record -> readOutcome(events, record));
      }
      Deserializer<ConversationEvent> input = live.conversations().valueSerde().deserializer();
      reader.read(live.conversations().name(), record -> readInput(input, record));
    }
    return new ReplayPlan(selected, requestsInLog, badRecords);
  }

  /** Records read so far, over every topic. */
  public long recordsRead() {
    return recordsRead;
  }

  private void readOutcome(Deserializer<SpecificRecord> events, ConsumerRecord<String, byte[]> record) {
    recordsRead++;
    if (record.value() == null) {
      return;
    }
    try {
      outcomes.accept(events.deserialize(record.topic(), record.headers(), record.value()));
    } catch (SerializationException e) {
      badRecords++;
    }
  }

  private void readInput(Deserializer<ConversationEvent> input, ConsumerRecord<String, byte[]> record) {
    recordsRead++;
    if (record.value() == null || Origin.isReprocessOutput(record.headers())) {
      return;
    }
    Command command;
    try {
      ConversationEvent event = input.deserialize(record.topic(), record.headers(), record.value());
      command = commands.toCommand(record.key(), event, record.value());
    } catch (SerializationException | InvalidEventException e) {
      badRecords++;
      return;
    }
    switch (command) {
      case Command.RequestReply reply -> request(record, reply);
      case Command.AppendItem append when append.item() instanceof FunctionCallOutput output ->
          output(record.key(), output);
      default -> { }
    }
  }

  private void request(ConsumerRecord<String, byte[]> record, Command.RequestReply reply) {
    requestsInLog++;
    RequestKey key = new RequestKey(record.key(), reply.request().requestId());
    if (selected.containsKey(key) || !selection.admits(key.conversationId(), key.requestId(), record.timestamp())
        || selection.onlyFailed() && !outcomes.failed(key)
        || selection.limit() != null && selected.size() >= selection.limit()) {
      return;
    }
    String profile = reply.request().llm() != null ? reply.request().llm() : defaultProfile;
    Map<String, ReplyOutcome> originals = new HashMap<>();
    outcomes.outcome(key, profile).ifPresent(outcome -> originals.put(key.requestId(), outcome));
    for (String step : outcomes.toolSteps(key)) {
      Optional<ReplyOutcome> outcome = outcomes.outcome(new RequestKey(key.conversationId(), step), profile);
      outcome.ifPresent(found -> originals.put(step, found));
    }
    PlannedRequest planned = new PlannedRequest(key, record.offset(), profile, originals);
    selected.put(key, planned);
    for (String callId : planned.originalCallIds()) {
      awaitingOutputs.computeIfAbsent(new CallKey(key.conversationId(), callId), id -> new ArrayList<>()).add(planned);
    }
  }

  private void output(String conversationId, FunctionCallOutput output) {
    List<PlannedRequest> waiting = awaitingOutputs.get(new CallKey(conversationId, output.callId()));
    if (waiting != null) {
      RecordedOutput recorded = new RecordedOutput(output.name(), output.output(), output.isError());
      waiting.forEach(request -> request.recordOutput(output.callId(), recorded));
    }
  }
}
