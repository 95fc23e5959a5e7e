/**
 * {@code chatstream bench}, the end-to-end load harness: {@link dev.chatstream.pipeline.bench.Bench}
 * runs the phases of a {@link dev.chatstream.pipeline.bench.BenchSettings} against the embedded broker,
 * chatstream services of their own and a {@link dev.chatstream.pipeline.bench.SimulatedOpenAiServer},
 * and returns a {@link dev.chatstream.pipeline.bench.BenchReport} (a Markdown table and JSON) with the
 * results checked against chatstream's performance targets.
 */
package dev.chatstream.pipeline.bench;
