/**
 * JMH microbenchmarks of chatstream's hot paths, packaged as {@code benchmarks/target/benchmarks.jar}:
 * chat context operations ({@link dev.chatstream.benchmarks.ChatContextBenchmark}, {@link
 * dev.chatstream.benchmarks.ChatContextMutationBenchmark}) and provider formats ({@link
 * dev.chatstream.benchmarks.ProviderFormatBenchmark}) on {@link dev.chatstream.benchmarks.SampleConversation}s
 * of 10, 1,000 and 10,000 items; recorded Chat Completions streams from bytes to chunks ({@link
 * dev.chatstream.benchmarks.ChatCompletionsStreamBenchmark}, and through the whole provider in {@link
 * dev.chatstream.benchmarks.OpenAiStreamBenchmark}); the Avro event serdes ({@link
 * dev.chatstream.benchmarks.EventSerdeBenchmark}) and the pipeline's state keys and item codec ({@link
 * dev.chatstream.benchmarks.StateCodecBenchmark}). Every benchmark forks a JVM with a fixed 2 GB heap, so
 * that heap resizing does not show in the results.
 */
package dev.chatstream.benchmarks;
