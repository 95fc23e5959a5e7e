/** Reading JMH result files back: {@link dev.chatstream.benchmarks.report.ResultsTable}. */
package dev.chatstream.benchmarks.report;
