/**
 * {@code chatstream bench}, the end-to-end load harness: {@link dev.chatstream.bench.Bench}
 * runs the phases of a {@link dev.chatstream.bench.BenchSettings} against the embedded broker,
 * chatstream services of their own and a {@link dev.chatstream.bench.SimulatedOpenAiServer},
 * and returns a {@link dev.chatstream.bench.BenchReport} (a Markdown table and JSON) with the
 * results checked against chatstream's performance targets.
 */
package dev.chatstream.bench;
