package dev.chatstream.benchmarks;

import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.chat.ImageDetail;
import dev.chatstream.llm.chat.TextContent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic conversations for the benchmarks, shaped like a support agent's: a system prompt, then
 * rounds of 13 items in which the user asks, the assistant answers, calls one tool and reads its output,
 * then calls two tools in parallel (a reply without text) and answers again. The first question of
 * every fifth round carries a PNG image as a data URL; every tenth round opens with a developer
 * instruction.
 *
 * <p>Item {@code i} is created at {@link #START_SECONDS} {@code + 2i} and every id and text derives from
 * its position, so a longer conversation starts with the items of a shorter one.
 */
public final class SampleConversation {
  /** When the first item was created, in seconds since the epoch. */
  public static final double START_SECONDS = 1_750_000_000d;
  /** Seconds between consecutive items. */
  public static final double SECONDS_APART = 2d;

  private static final String IMAGE_URL = pngDataUrl(3 * 1024);
  private static final String[] CITIES = {"Paris", "Lisbon", "Osaka", "Toronto", "Nairobi", "Oslo", "Lima"};
  private static final String[] TOPICS = {
      "my last invoice", "the delivery window", "a refund for a damaged item", "changing my address",
      "the warranty on my headphones", "a missing accessory", "upgrading my plan"};

  private final List<ChatItem> items = new ArrayList<>();

  private SampleConversation() {}

  /** The first {@code count} items of the conversation. */
  public static List<ChatItem> items(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    SampleConversation conversation = new SampleConversation();
    conversation.message(ChatRole.SYSTEM, List.of(new TextContent(
        "You are the support assistant of an online electronics shop. Be brief, friendly and precise; "
            + "use the tools to look up orders and weather before answering.")));
    for (int round = 0; conversation.items.size() < count; round++) {
      conversation.round(round);
    }
    return List.copyOf(conversation.items.subList(0, count));
  }

  /** A context holding the first {@code count} items. */
  public static ChatContext context(int count) {
    return ChatContext.of(items(count));
  }

  /** The creation time of item {@code index}. */
  public static double timeOf(int index) {
    return START_SECONDS + SECONDS_APART * index;
  }

  /** A user message with this id and text, created at {@code createdAt}. */
  public static ChatMessage userMessage(String id, String text, double createdAt) {
    return new ChatMessage(id, ChatRole.USER, List.of(new TextContent(text)), false, null, Map.of(), createdAt);
  }

  private void round(int round) {
    String city = CITIES[round % CITIES.length];
    String otherCity = CITIES[(round + 3) % CITIES.length];
    if (round % 10 == 9) {
      message(ChatRole.DEVELOPER, List.of(new TextContent(
          "The user is a premium customer: offer free express shipping when it helps.")));
    }
    String question = "Hi again, round " + round + ": I have a question about " + TOPICS[round % TOPICS.length]
        + ". Could you explain what my options are?";
    message(ChatRole.USER, round % 5 == 0
        ? List.of(new ImageContent("img_" + round, IMAGE_URL, null, null, ImageDetail.AUTO, null),
            new TextContent("This is a photo of it. " + question))
        : List.of(new TextContent(question)));
    message(ChatRole.ASSISTANT, text(answer(round, "Of course")));
    message(ChatRole.USER, text("Will it rain in " + city + " tomorrow? I am picking the parcel up there."));
    String checking = message(ChatRole.ASSISTANT, text("Let me check the forecast for " + city + ".")).id();
    call(checking, 0, "call_" + round + "_w", "get_weather", weatherArguments(city));
    output("call_" + round + "_w", "get_weather", weatherOutput(city, round));
    message(ChatRole.ASSISTANT, text(answer(round, "Good news")));
    message(ChatRole.USER, text("And where is order A-" + (10_000 + round) + "? Also, the weather in " + otherCity + "?"));
    String parallel = idAt(items.size());
    call(parallel, 0, "call_" + round + "_o", "lookup_order", "{\"order_id\":\"A-" + (10_000 + round) + "\"}");
    call(parallel, 1, "call_" + round + "_p", "get_weather", weatherArguments(otherCity));
    output("call_" + round + "_o", "lookup_order", "{\"status\":\"in transit\",\"carrier\":\"DHL\",\"eta\":\"2025-06-"
        + (10 + round % 20) + "\",\"items\":2}");
    output("call_" + round + "_p", "get_weather", weatherOutput(otherCity, round + 1));
    message(ChatRole.ASSISTANT, text(answer(round, "Your order is on its way")));
  }

  private ChatMessage message(ChatRole role, List<ChatContent> content) {
    int index = items.size();
    ChatMessage message = new ChatMessage(idAt(index), role, content, false, null, Map.of(), timeOf(index));
    items.add(message);
    return message;
  }

  private void call(String replyId, int callIndex, String callId, String name, String arguments) {
    int index = items.size();
    items.add(new FunctionCall(replyId + "/fnc_" + callIndex, callId, name, arguments, timeOf(index), Map.of(), null));
  }

  private void output(String callId, String name, String output) {
    int index = items.size();
    items.add(new FunctionCallOutput(idAt(index), callId, name, output, false, timeOf(index)));
  }

  private static String idAt(int index) {
    return String.format("item_%012x", index);
  }

  private static List<ChatContent> text(String text) {
    return List.of(new TextContent(text));
  }

  private static String answer(int round, String opening) {
    return opening + "! Here is what I found for you (case " + round + "). You can choose between a replacement, "
        + "which ships within two business days, and a full refund to your original payment method, which "
        + "usually appears on your statement within five days. If you keep the item, I can also add a store "
        + "credit of 15% as an apology. Just tell me which option you prefer and I will take care of it.";
  }

  private static String weatherArguments(String city) {
    return "{\"location\":\"" + city + "\",\"unit\":\"celsius\"}";
  }

  private static String weatherOutput(String city, int seed) {
    return "{\"location\":\"" + city + "\",\"forecast\":\"" + (seed % 2 == 0 ? "light rain" : "sunny")
        + "\",\"temperature_c\":" + (12 + seed % 15) + ",\"precipitation_mm\":" + (seed % 2 == 0 ? 3 : 0) + "}";
  }

  /** A data URL of a PNG-signed payload of {@code bytes} pseudo-random bytes (the formats check base64, not pixels). */
  private static String pngDataUrl(int bytes) {
    byte[] data = new byte[bytes];
    new Random(42).nextBytes(data);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, data, 0, signature.length);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(data);
  }
}
