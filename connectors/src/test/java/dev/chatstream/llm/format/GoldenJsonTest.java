package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenJsonTest {

  @Test
  void diffNamesEachDifferenceByJsonPointer() {
    List<String> differences = new ArrayList<>();

    GoldenJson.diff("",
        json("{'messages':[{'role':'user','content':'a'},{'role':'assistant'}],'gone':1}"),
        json("{'messages':[{'role':'user','content':'b'}],'extra':true}"),
        differences);

    assertEquals(List.of(
        "/extra: unexpected true",
        "/gone: missing (expected 1)",
        "/messages/0/content: expected \"a\" but was \"b\"",
        "/messages/1: missing (expected {\"role\":\"assistant\"})"), differences);
  }

  @Test
  void equalTreesHaveNoDifference() {
    List<String> differences = new ArrayList<>();

    GoldenJson.diff("", json("{'a':[1,{'b':null}]}"), json("{'a':[1,{'b':null}]}"), differences);

    assertEquals(List.of(), differences);
  }
}
