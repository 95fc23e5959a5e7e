package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.PNG_BASE64;
import static dev.chatstream.llm.format.Items.assistant;
import static dev.chatstream.llm.format.Items.call;
import static dev.chatstream.llm.format.Items.context;
import static dev.chatstream.llm.format.Items.developer;
import static dev.chatstream.llm.format.Items.error;
import static dev.chatstream.llm.format.Items.groupedCall;
import static dev.chatstream.llm.format.Items.image;
import static dev.chatstream.llm.format.Items.message;
import static dev.chatstream.llm.format.Items.output;
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.txt;
import static dev.chatstream.llm.format.Items.user;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.ImageDetail;
import java.util.LinkedHashMap;
import java.util.Map;

/** The conversations every provider format is checked on against its golden file. */
final class GoldenConversations {
  /** A 1x1 GIF. */
  private static final String GIF_BASE64 = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";

  private GoldenConversations() {}

  /** Conversation name (the golden folder) to context. */
  static Map<String, ChatContext> all() {
    Map<String, ChatContext> all = new LinkedHashMap<>();
    all.put("empty", context());
    all.put("text_only", textOnly());
    all.put("images_url", imagesUrl());
    all.put("images_data_url", imagesDataUrl());
    all.put("parallel_calls", parallelCalls());
    all.put("orphan_outputs", orphanOutputs());
    all.put("developer_mid_conversation", developerMidConversation());
    all.put("out_of_order_timestamps", outOfOrderTimestamps());
    return all;
  }

  private static ChatContext textOnly() {
    return context(
        system("item_sys", 100, "You are a concise assistant."),
        user("item_u1", 101, "What is Kafka Streams?"),
        assistant("item_a1", 102, "A Java library for stream processing on Kafka."),
        user("item_u2", 103, "Does it need a cluster of its own?", "Short answer please."));
  }

  private static ChatContext imagesUrl() {
    return context(
        system("item_sys", 100, "Describe images briefly."),
        message("item_u1", ChatRole.USER, 101,
            txt("What is in these pictures?"),
            image("img_cat", "https://images.example.com/cat.jpg", ImageDetail.HIGH, null),
            image("img_chart", "https://images.example.com/chart", ImageDetail.LOW, "image/png")),
        assistant("item_a1", 102, "A cat and a bar chart."));
  }

  private static ChatContext imagesDataUrl() {
    return context(
        message("item_u1", ChatRole.USER, 101,
            txt("Compare these."),
            image("img_png", "data:image/png;base64," + PNG_BASE64),
            // the explicit MIME type wins over the data URL's
            image("img_gif", "data:application/octet-stream;base64," + GIF_BASE64, ImageDetail.AUTO, "image/gif")),
        assistant("item_a1", 102, "Both are one-pixel images."),
        user("item_u2", 103, "Thanks."));
  }

  /**
   * A reply with text and two calls whose outputs arrive interleaved with them (one failed), then a
   * reply of two calls tied by group_id with no text, then the final answer.
   */
  private static ChatContext parallelCalls() {
    return context(
        system("item_sys", 100, "You can look up weather and time."),
        user("item_u1", 101, "Weather and time in Paris?"),
        assistant("item_r1", 102, "Let me check both."),
        call("item_r1/fnc_0", "call_weather", "get_weather", "{\"city\":\"Paris\"}", 102),
        output("item_o1", "call_weather", "get_weather", "18°C, sunny", 103),
        call("item_r1/fnc_1", "call_time", "get_time", "{\"city\":\"Paris\"}", 102),
        error("item_o2", "call_time", "get_time", "clock service unavailable", 103),
        groupedCall("item_fc_lyon", "item_r2", "call_lyon", "get_weather", "{\"city\":\"Lyon\"}", 104),
        groupedCall("item_fc_nice", "item_r2", "call_nice", "get_weather", "{\"city\":\"Nice\"}", 104),
        output("item_o3", "call_nice", "get_weather", "22°C, clear", 105),
        output("item_o4", "call_lyon", "get_weather", "15°C, rain", 105),
        assistant("item_r3", 106, "Paris is 18°C and sunny; I could not get the time."));
  }

  /**
   * An output whose call is gone, a reply where only one of two calls got an output, and a pending
   * call at the end.
   */
  private static ChatContext orphanOutputs() {
    return context(
        user("item_u1", 100, "Book a table for two."),
        output("item_o_lost", "call_lost", "book_table", "confirmed", 101),
        assistant("item_r1", 102, "Checking availability."),
        call("item_r1/fnc_0", "call_avail", "check_availability", "{\"party\":2}", 102),
        call("item_r1/fnc_1", "call_hold", "hold_table", "{\"party\":2}", 102),
        output("item_o1", "call_avail", "check_availability", "19:30 is free", 103),
        assistant("item_a2", 104, "19:30 is free."),
        user("item_u2", 105, "Book it."),
        call("item_r3/fnc_0", "call_book", "book_table", "{\"time\":\"19:30\"}", 106));
  }

  private static ChatContext developerMidConversation() {
    return context(
        developer("item_dev1", 100, "You are a travel agent."),
        user("item_u1", 101, "I want to visit Lisbon."),
        assistant("item_a1", 102, "Great choice! When would you like to go?"),
        system("item_sys2", 103, "The user is a premium member."),
        user("item_u2", 104, "In May."),
        developer("item_dev3", 105, "Answer in Portuguese."),
        assistant("item_a2", 106, "Maio é ótimo para visitar Lisboa."));
  }

  /**
   * Items as inserting them by {@code created_at} orders them. They arrived as: system, "Set a timer.",
   * "Please.", "For how long?", the call, its output, "for ten minutes" (a late transcript stamped
   * 102.5), the reply text, "Thanks!". Equal times keep arrival order; the output is stamped before
   * its call (clock skew) and the reply text after it, and grouping still sends message, call,
   * output.
   */
  private static ChatContext outOfOrderTimestamps() {
    FunctionCall timer = call("item_r2/fnc_0", "call_timer", "set_timer", "{\"minutes\":10}", 105.0);
    return context(
        system("item_sys", 100, "You are a voice assistant."),
        user("item_u1", 101.0, "Set a timer."),
        user("item_u1b", 101.0, "Please."),
        user("item_u2", 102.5, "for ten minutes"),
        assistant("item_r1", 103.0, "For how long?"),
        output("item_o1", "call_timer", "set_timer", "timer set", 104.9),
        timer,
        assistant("item_r2", 105.5, "Timer set for ten minutes."),
        user("item_u3", 107.0, "Thanks!"));
  }
}
