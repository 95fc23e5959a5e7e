/**
 * The fault drills behind {@code chatstream drill}: each starts real chatstream processes (child JVMs
 * with the drill's own java and class path), real embedded KRaft brokers and, for provider faults, a
 * fault-injecting loopback OpenAI-compatible server; disrupts them; and ends with a
 * {@link dev.chatstream.drills.DrillReport} of its figures (runs, events, what was lost or
 * duplicated) and its checks.
 *
 * <p>Start reading at {@link dev.chatstream.drills.DrillCommand}; the drills are {@code CrashDrill},
 * {@code RebalanceDrill}, {@code StateWipedDrill}, {@code BadInputDrill}, {@code ProviderFaultsDrill}
 * and {@code SecretCanaryDrill}, the checks they share {@code DeliveryChecks}. This module is a jar
 * of its own; nothing of it ships in the service jar.
 */
package dev.chatstream.drills;
