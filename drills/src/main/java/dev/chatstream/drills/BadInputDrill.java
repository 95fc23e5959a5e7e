package dev.chatstream.drills;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Bad input flood: malformed records of every dead-letter reason, interleaved at random with valid
 * conversations (a message and a request each), written by a raw producer to one running instance.
 * Every bad record must reach the dead-letter topic with its reason and origin, every valid request
 * must be answered, and the rate at which the instance turned the flood into dead letters is reported.
 * {@code conversation_limit} comes from conversations that fill up ({@code conversation.max.items}
 * is 5); {@code processing_error} needs a defect to happen and is not provoked.
 */
final class BadInputDrill {
  private static final int MAX_EVENT_BYTES = 8192;
  private static final int MAX_ITEMS = 5;
  private static final String LIMIT = "conversation_limit";

  private final DrillSetting setting;

  BadInputDrill(DrillSetting setting) {
    this.setting = setting;
  }

  DrillReport run() {
    DrillReport report = new DrillReport("bad-input");
    Path dir = setting.dir("bad-input");
    Random random = setting.random();
    int bad = setting.pick(10_000, 2_000);
    int valid = setting.pick(200, 40);
    try (DrillBroker broker = DrillBroker.start(dir)) {
      DrillApplication app = DrillApplication.of("bad-" + dir.getFileName(), "at_least_once", 20, 2)
          .with(ChatstreamConfig.EVENT_MAX_BYTES_CONFIG, Integer.toString(MAX_EVENT_BYTES))
          .with(ChatstreamConfig.CONVERSATION_MAX_ITEMS_CONFIG, Integer.toString(MAX_ITEMS));
      Workload workload = new Workload("v", valid, 1, 8);
      try (InstanceProcess instance = InstanceProcess.start("i0", app.instance(broker.bootstrapServers(), dir.resolve("state")),
          Map.of(), List.of(), dir.resolve("i0.log")).awaitRunning(Instances.START_TIMEOUT);
          WorkloadRun run = new WorkloadRun(app, broker.bootstrapServers(), workload)) {
        List<Deque<ProducerRecord<String, byte[]>>> streams = new ArrayList<>();
        Map<String, Integer> expected = badStreams(app, streams, bad, random);
        Serializer<ConversationEvent> events = app.topics().conversations().valueSerde().serializer();
        String input = app.topics().conversations().name();
        for (int c = 0; c < valid; c++) {
          Deque<ProducerRecord<String, byte[]>> conversation = new ArrayDeque<>();
          streams.add(conversation);
          int index = c;
          workload.turnEvents(c, 0).forEach(event ->
              conversation.add(new ProducerRecord<>(input, workload.conversation(index), events.serialize(input, event))));
        }
        long sendStart = System.nanoTime();
        int sent = send(broker.bootstrapServers(), streams, random);
        workload.markSent(0);
        Duration drained = awaitDeadLetters(broker, app, bad, sendStart);
        run.awaitOutcomes(Duration.ofMinutes(2));
        report.figure("records written", sent + " (" + bad + " bad, " + (sent - bad) + " valid)");
        report.figure("bad records by reason", new TreeMap<>(expected));
        report.figure("drained to dead letters in", drained.toMillis() + " ms, "
            + Math.round(bad / Math.max(0.001, drained.toNanos() / 1e9)) + " dead letters/s");
        checkDeadLetters(report, broker, app, expected);
        run.check(report, run.contexts(instance.httpPort().orElseThrow()));
      }
    }
    report.timed();
    return report;
  }

  /** The bad records as streams of one key each, and how many of each reason they hold. */
  private Map<String, Integer> badStreams(DrillApplication app, List<Deque<ProducerRecord<String, byte[]>>> streams,
      int bad, Random random) {
    BadRecords maker = new BadRecords(app.topics(), MAX_EVENT_BYTES, random);
    String input = app.topics().conversations().name();
    int reasons = BadRecords.REASONS.size() + 1;
    int each = bad / reasons;
    Map<String, Integer> expected = new java.util.HashMap<>();
    for (String reason : BadRecords.REASONS) {
      for (int n = 0; n < each; n++) {
        BadRecords.Raw raw = maker.make(reason, n);
        streams.add(new ArrayDeque<>(List.of(new ProducerRecord<>(input, raw.key(), raw.value()))));
      }
      expected.put(reason, each);
    }
    int overflow = bad - each * BadRecords.REASONS.size();
    Serializer<ConversationEvent> events = app.topics().conversations().valueSerde().serializer();
    int conversations = Math.max(1, overflow / 50);
    for (int c = 0; c < conversations; c++) {
      String id = "full-" + c;
      int extra = overflow / conversations + (c < overflow % conversations ? 1 : 0);
      Deque<ProducerRecord<String, byte[]>> stream = new ArrayDeque<>();
      for (int i = 0; i < MAX_ITEMS + extra; i++) {
        stream.add(new ProducerRecord<>(input, id, events.serialize(input, BadRecords.message(id))));
      }
      streams.add(stream);
    }
    expected.put(LIMIT, overflow);
    return expected;
  }

  /** Writes the streams interleaved at random (each stream's records in its order); returns how many. */
  private static int send(String bootstrapServers, List<Deque<ProducerRecord<String, byte[]>>> streams, Random random) {
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
    int sent = 0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<Deque<ProducerRecord<String, byte[]>>> open = new ArrayList<>(streams);
      while (!open.isEmpty()) {
        int pick = random.nextInt(open.size());
        producer.send(open.get(pick).poll());
        sent++;
        if (open.get(pick).isEmpty()) {
          open.set(pick, open.get(open.size() - 1));
          open.remove(open.size() - 1);
        }
      }
      producer.flush();
    }
    return sent;
  }

  private static Duration awaitDeadLetters(DrillBroker broker, DrillApplication app, int expected, long since) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (TopicReader.readAll(broker.bootstrapServers(), List.of(app.topics().dlq().name())).size() >= expected) {
        break;
      }
      Pause.millis(250);
    }
    return Duration.ofNanos(System.nanoTime() - since);
  }

  private static void checkDeadLetters(DrillReport report, DrillBroker broker, DrillApplication app,
      Map<String, Integer> expected) {
    List<ConsumerRecord<byte[], byte[]>> letters = TopicReader.readAll(broker.bootstrapServers(), List.of(app.topics().dlq().name()));
    Map<String, Integer> byReason = letters.stream().collect(Collectors.groupingBy(
        record -> header(record, "chatstream.dlq.reason"), TreeMap::new, Collectors.summingInt(record -> 1)));
    long withoutOrigin = letters.stream().filter(record -> header(record, "chatstream.dlq.source.offset").isEmpty()
        || header(record, "chatstream.dlq.source.topic").isEmpty()).count();
    int total = expected.values().stream().mapToInt(Integer::intValue).sum();
    report.figure("dead letters", letters.size() + " of " + total + " (" + Math.round(100.0 * letters.size() / total) + " %)");
    report.figure("dead letters by reason", byReason);
    List<String> wrong = new ArrayList<>();
    expected.forEach((reason, count) -> {
      if (!count.equals(byReason.getOrDefault(reason, 0))) {
        wrong.add(reason + ": " + byReason.getOrDefault(reason, 0) + " of " + count);
      }
    });
    byReason.keySet().stream().filter(reason -> !expected.containsKey(reason)).forEach(reason -> wrong.add(reason + ": unexpected"));
    report.zero("reasons whose dead letters differ from what was sent", wrong.size(), Examples.of(wrong));
    report.zero("dead letters without their origin", withoutOrigin, "");
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
