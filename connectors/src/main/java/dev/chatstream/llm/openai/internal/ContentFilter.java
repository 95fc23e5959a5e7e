package dev.chatstream.llm.openai.internal;

/** Rewrites streamed content (strips thinking tokens); one instance per attempt. */
interface ContentFilter {

  /** The part of {@code delta} to deliver now (possibly empty). */
  String accept(String delta);

  /** What is still held back at the end of the stream (possibly empty). */
  String finish();

  /** TEMPORARY until ThinkingTokenFilter lands on main: passes content through. */
  static ContentFilter thinkingTokens() {
    return new ContentFilter() {
      @Override
      public String accept(String delta) {
        return delta == null ? "" : delta;
      }

      @Override
      public String finish() {
        return "";
      }
    };
  }
}
